import { DocKind } from '@mockloop/shared';
import express, { type Request } from 'express';
import type { ReportKeys } from '../../auth/ReportKeys.js';
import type { ReplayService } from '../../rounds/ReplayService.js';
import type { ReportService } from '../../rounds/ReportService.js';
import { notJoined, roundNumber, sendError } from '../errors.js';
import type { requestParticipant } from '../requestParticipant.js';

export interface ReportRoutesOptions {
  reports: ReportService;
  replay: ReplayService;
  reportKeys: ReportKeys;
  /** Who the request's bearer is: a participant secret, or a report key where allowed. */
  bearer: ReturnType<typeof requestParticipant>;
}

/**
 * The report and its replay, filtered for whoever asks (P-PRIV-5, P-REPLAY-1), by participant
 * secret or read-only report key (P-PRIV-6); and the key itself, for the secret's holder only.
 */
export function reportRoutes({ reports, replay, reportKeys, bearer }: ReportRoutesOptions): express.Router {
  const router = express.Router();
  const reader = (req: Request) => bearer(req, { reportKey: true });

  router.get('/api/rooms/:roomId/report', async (req, res) => {
    const participant = await reader(req);
    if (!participant) return notJoined(res);
    res.json(await reports.report(participant));
  });
  // One round's whole final code, when the report carries only its start (P-REPORT-1).
  router.get('/api/rooms/:roomId/report/rounds/:round/code', async (req, res) => {
    const participant = await reader(req);
    if (!participant) return notJoined(res);
    const round = roundNumber(req.params.round);
    if (!round) return sendError(res, 404, { code: 'NOT_FOUND', message: 'There is no such round.' });
    res.type('text/plain; charset=utf-8').send(await reports.finalCode(participant, round));
  });
  // This person's read-only report key, for a link that opens their report in any browser.
  router.get('/api/rooms/:roomId/report-key', async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    res.json({ key: reportKeys.keyFor(participant.roomId, participant.id) });
  });

  // The replay also opens to a review key of that round (P-REVIEW-2), as its candidate sees it.
  router.get('/api/rooms/:roomId/replay/:round', async (req, res) => {
    const round = roundNumber(req.params.round);
    const participant = await bearer(req, { reportKey: true, reviewRound: round ?? undefined });
    if (!participant) return notJoined(res);
    if (!round) return sendError(res, 404, { code: 'NOT_FOUND', message: 'There is no such round.' });
    res.json(await replay.info(participant, round));
  });
  router.get('/api/rooms/:roomId/replay/:round/:kind', async (req, res) => {
    const round = roundNumber(req.params.round);
    const participant = await bearer(req, { reportKey: true, reviewRound: round ?? undefined });
    if (!participant) return notJoined(res);
    const kind = DocKind.safeParse(req.params.kind);
    const after = Number(req.query.after ?? 0);
    if (!round || !kind.success || !Number.isSafeInteger(after) || after < 0) {
      return sendError(res, 400, {
        code: 'BAD_REQUEST',
        message: 'A round number, a document kind and a position, please.',
      });
    }
    res.json(await replay.rows(participant, round, kind.data, after));
  });
  return router;
}
