import { type FieldErrorBody, MY_QUESTIONS_API, type SharedQuestion } from '@mockloop/shared';
import express, { type Request, type Response } from 'express';
import type { PerIpLimiter } from '../../limits/PerIpLimiter.js';
import type { Metrics } from '../../metrics/Metrics.js';
import {
  authorOf,
  FieldProblemsError,
  type OwnQuestionService,
} from '../../ownQuestions/OwnQuestionService.js';
import type { OwnQuestionLimits } from '../../ownQuestions/ownQuestionLimits.js';
import { sendError } from '../errors.js';

export interface OwnQuestionRoutesOptions {
  questions: OwnQuestionService;
  limits: OwnQuestionLimits;
  /** Writes each address may make an hour (P-MYQ-3). */
  writes: PerIpLimiter;
  metrics: Metrics;
}

const SHARE_NOTICE =
  'This link carries the whole question, rubric, hints and hidden tests included: send it to interviewers, never to a candidate.';

/** The author the request's bearer secret speaks for; answers 401 and returns null otherwise. */
function author(req: Request, res: Response): string | null {
  const header = req.get('authorization') ?? '';
  const owner = authorOf(header.startsWith('Bearer ') ? header.slice(7).trim() : undefined);
  if (!owner) {
    sendError(res, 401, {
      code: 'NOT_JOINED',
      message: 'Present this browser’s author secret (Authorization: Bearer, 43 base64url characters).',
    });
  }
  return owner;
}

/** Runs a handler, answering a refused question with 400 and every field's problem (P-MYQ-2). */
function withProblems(handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (!(error instanceof FieldProblemsError)) throw error;
      const body: FieldErrorBody = { code: 'BAD_REQUEST', message: error.message, problems: error.problems };
      res.status(400).json({ error: body });
    }
  };
}

/** My questions over HTTP (P-MYQ-*): each author's list, import and export, share links. */
export function ownQuestionRoutes({
  questions,
  limits,
  writes,
  metrics,
}: OwnQuestionRoutesOptions): express.Router {
  const router = express.Router();
  // Bodies are bounded before they are parsed: a question's JSON, or an import's YAML text.
  const json = express.json({ limit: Math.ceil(limits.questionBytes * 1.5) });
  const yaml = express.text({ type: () => true, limit: limits.importBytes });

  /** Counts one write for the address; answers 429 and returns false past the hour's budget. */
  const mayWrite = async (req: Request, res: Response) => {
    const decision = await writes.consume(req.ip ?? 'unknown');
    if (decision.allowed) return true;
    metrics.refusals.inc({ limit: 'own_question_writes_per_ip' });
    res.setHeader('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
    sendError(res, 429, {
      code: 'RATE_LIMITED',
      message: `Too many changes to questions from your address; try again in ${Math.ceil(decision.retryAfterMs / 60_000)} min.`,
    });
    return false;
  };

  router.get(MY_QUESTIONS_API.list, async (req, res) => {
    const owner = author(req, res);
    if (owner) res.json(await questions.list(owner));
  });
  router.post(
    MY_QUESTIONS_API.list,
    json,
    withProblems(async (req, res) => {
      const owner = author(req, res);
      if (owner && (await mayWrite(req, res))) res.status(201).json(await questions.create(owner, req.body));
    }),
  );
  router.post(
    MY_QUESTIONS_API.import,
    yaml,
    withProblems(async (req, res) => {
      const owner = author(req, res);
      if (!owner || !(await mayWrite(req, res))) return;
      const text = typeof req.body === 'string' ? req.body : '';
      res.status(201).json({ questions: await questions.import(owner, text) });
    }),
  );
  router.get(MY_QUESTIONS_API.export, async (req, res) => {
    const owner = author(req, res);
    if (!owner) return;
    const raw = typeof req.query.keys === 'string' ? req.query.keys : '';
    const keys = raw ? raw.split(',').slice(0, limits.perPerson) : undefined;
    res.type('application/yaml').setHeader('Content-Disposition', 'attachment; filename="my-questions.yaml"');
    res.send(await questions.export(owner, keys));
  });
  router.get('/api/my-questions/:key', async (req, res) => {
    const owner = author(req, res);
    if (owner) res.json(await questions.get(owner, String(req.params.key)));
  });
  router.put(
    '/api/my-questions/:key',
    json,
    withProblems(async (req, res) => {
      const owner = author(req, res);
      if (owner && (await mayWrite(req, res)))
        res.json(await questions.update(owner, String(req.params.key), req.body));
    }),
  );
  router.delete('/api/my-questions/:key', async (req, res) => {
    const owner = author(req, res);
    if (!owner || !(await mayWrite(req, res))) return;
    await questions.delete(owner, String(req.params.key));
    res.status(204).end();
  });
  router.post('/api/my-questions/:key/share', async (req, res) => {
    const owner = author(req, res);
    if (!owner || !(await mayWrite(req, res))) return;
    res.json({ shareKey: await questions.share(owner, String(req.params.key)), notice: SHARE_NOTICE });
  });
  router.get('/api/shared-questions/:shareKey', async (req, res) => {
    const body: SharedQuestion = {
      question: await questions.shared(String(req.params.shareKey)),
      notice: SHARE_NOTICE,
    };
    res.json(body);
  });
  router.post(
    '/api/shared-questions/:shareKey/copy',
    withProblems(async (req, res) => {
      const owner = author(req, res);
      if (owner && (await mayWrite(req, res)))
        res.status(201).json(await questions.copy(owner, String(req.params.shareKey)));
    }),
  );
  return router;
}
