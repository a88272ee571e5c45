import fs from 'node:fs';
import path from 'node:path';
import {
  API,
  CreateRoomRequest,
  type CreateRoomResponse,
  DocKind,
  type ErrorBody,
  type ErrorCode,
  ROOM_ID_PATTERN,
  ROUTES,
} from '@mockloop/shared';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ReportKeys } from '../auth/ReportKeys.js';
import { AppError } from '../common/AppError.js';
import type { FileService } from '../files/FileService.js';
import type { Readiness } from '../health/Readiness.js';
import type { InterviewService } from '../interview/InterviewService.js';
import type { TrustProxy } from '../limits/clientAddress.js';
import type { PerIpLimiter } from '../limits/PerIpLimiter.js';
import type { Logger } from '../logging/createLogger.js';
import type { Metrics } from '../metrics/Metrics.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { publicQuestion } from '../questions/publicQuestion.js';
import { publicTrack } from '../questions/publicTrack.js';
import { firstRound } from '../rooms/firstRound.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { ReplayService } from '../rounds/ReplayService.js';
import type { RoundService } from '../rounds/RoundService.js';
import type { ParticipantRecord } from '../store/Store.js';
import { accessLog } from './accessLog.js';
import { filesRouter } from './files.js';
import { precompressed } from './precompressed.js';
import { requestParticipant } from './requestParticipant.js';
import { securityHeaders } from './securityHeaders.js';

export interface HttpAppOptions {
  rooms: RoomService;
  interview: InterviewService;
  rounds: RoundService;
  /** Round histories for the report's replay. */
  replay: ReplayService;
  /** Whiteboard images. */
  files: FileService;
  /** Read-only report keys (P-PRIV-6). */
  reportKeys: ReportKeys;
  bank: QuestionBank;
  /** Built client (index.html and assets); when missing, only the API is served. */
  clientDir?: string;
  /** Base of invite links; defaults to the request's own origin. */
  publicUrl?: string;
  /** Rooms each address may create (P-ROOM-4). */
  roomCreation: PerIpLimiter;
  /** Which proxies may forward the client's address (`req.ip`). */
  trustProxy: TrustProxy;
  /** This node's name, sent as `x-mockloop-node` on every response. */
  nodeId: string;
  log: Logger;
  metrics: Metrics;
  /** What `/readyz` answers (a load balancer routes by it). */
  readiness: Readiness;
  /** Deleting a room on its people's request (P-ROOM-7). */
  deletion: {
    mayDelete: (participant: ParticipantRecord) => Promise<boolean>;
    delete: (roomId: string) => Promise<boolean>;
  };
}

/** The HTTP status of each error code a service may throw (as AppError). */
const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_JOINED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROOM_FULL: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

function sendError(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json({ error: body });
}

/** Express app for the HTTP API and the built client. Never listens by itself. */
export function createHttpApp({
  rooms,
  interview,
  rounds,
  replay,
  files,
  reportKeys,
  bank,
  clientDir,
  publicUrl,
  roomCreation,
  trustProxy,
  nodeId,
  log,
  metrics,
  readiness,
  deletion,
}: HttpAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  // First of all: every request has an id and a line in the access log (health checks: debug).
  app.use(accessLog(log, metrics));
  // First, so every answer carries them, 429s and errors included.
  app.use(securityHeaders({ publicUrl }));

  // Which node answered, on every response: how a person (or a test) sees room affinity.
  app.use((_req, res, next) => {
    res.setHeader('x-mockloop-node', nodeId);
    next();
  });

  app.get(API.health, (_req, res) => {
    res.json({ ok: true, node: nodeId });
  });
  // Whether to send this node rooms: 503 while the store, Redis or the leases fail, or draining.
  app.get('/readyz', async (_req, res) => {
    const report = await readiness.report();
    res.setHeader('Cache-Control', 'no-store');
    res.status(report.ready ? 200 : 503).json({ node: nodeId, ...report });
  });

  // What this node serves is on the internal listener only (createInternalApp, P-HTTP-2).

  app.post(API.rooms, express.json({ limit: '8kb' }), async (req, res) => {
    const decision = await roomCreation.consume(req.ip ?? 'unknown');
    if (!decision.allowed) {
      metrics.refusals.inc({ limit: 'rooms_per_ip' });
      res.setHeader('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
      sendError(res, 429, {
        code: 'RATE_LIMITED',
        message: `Too many rooms created from your address; try again in ${Math.ceil(decision.retryAfterMs / 60_000)} min.`,
      });
      return;
    }
    const parsed = CreateRoomRequest.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      sendError(res, 400, {
        code: 'BAD_REQUEST',
        message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
      });
      return;
    }
    const { roomId, secret } = await rooms.createRoom(parsed.data, firstRound(parsed.data, bank));
    const base = publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const body: CreateRoomResponse = { roomId, inviteUrl: new URL(ROUTES.room(roomId), base).href, secret };
    res.status(201).json(body);
  });

  app.get('/api/rooms/:roomId', async (req, res) => {
    const roomId = req.params.roomId;
    const summary = ROOM_ID_PATTERN.test(roomId) ? await rooms.summary(roomId) : null;
    if (!summary) {
      sendError(res, 404, { code: 'NOT_FOUND', message: 'This room does not exist.' });
      return;
    }
    res.json(summary);
  });

  // The bank's public side: prompts, tags, starter code, public tests. Never rubric, hints,
  // follow-ups, hidden tests or solutions (P-PRIV-3): the views are built from allow-lists.
  const publicQuestions = bank.questions.map(publicQuestion);
  const publicTracks = bank.tracks.map(publicTrack);
  app.get(API.questions, (_req, res) => {
    res.json(publicQuestions);
  });
  app.get('/api/questions/:id', (req, res) => {
    const question = publicQuestions.find((q) => q.id === req.params.id);
    if (!question) return sendError(res, 404, { code: 'NOT_FOUND', message: 'No such question.' });
    res.json(question);
  });
  app.get(API.tracks, (_req, res) => {
    res.json(publicTracks);
  });
  app.get('/api/tracks/:id', (req, res) => {
    const track = publicTracks.find((t) => t.id === req.params.id);
    if (!track) return sendError(res, 404, { code: 'NOT_FOUND', message: 'No such track.' });
    res.json(track);
  });

  /** The participant the request's bearer speaks for (a secret; a report key where allowed). */
  const bearer = requestParticipant(rooms, reportKeys);
  const reader = (req: Request) => bearer(req, { reportKey: true });
  const notJoined = (res: Response) =>
    sendError(res, 401, { code: 'NOT_JOINED', message: 'Present your participant secret.' });

  // The interviewer's brief over HTTP, for tools: the interviewer's seat, or nothing (P-PRIV-2).
  app.get('/api/rooms/:roomId/brief', async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    // The seat and the brief come from one read of the round: a swap in between cannot hand the
    // new round's brief to a role read before it (P-SEAT-1).
    const { interviewerId, brief } = await interview.interviewerBrief(participant.roomId);
    if (interviewerId !== participant.id) {
      return sendError(res, 403, { code: 'FORBIDDEN', message: 'Only the interviewer can read the brief.' });
    }
    res.json(brief);
  });

  // The report, filtered for whoever asks (P-PRIV-5), by secret or read-only key (P-PRIV-6).
  app.get('/api/rooms/:roomId/report', async (req, res) => {
    const participant = await reader(req);
    if (!participant) return notJoined(res);
    res.json(await rounds.report(participant));
  });

  // A round's history for its replay, filtered for whoever asks (P-REPLAY-1).
  const roundNumber = (raw: unknown) => {
    const n = Number(raw);
    return Number.isInteger(n) && n >= 1 && n <= 999 ? n : null;
  };
  // One round's whole final code, when the report carries only its start (P-REPORT-1).
  app.get('/api/rooms/:roomId/report/rounds/:round/code', async (req, res) => {
    const participant = await reader(req);
    if (!participant) return notJoined(res);
    const round = roundNumber(req.params.round);
    if (!round) return sendError(res, 404, { code: 'NOT_FOUND', message: 'There is no such round.' });
    res.type('text/plain; charset=utf-8').send(await rounds.finalCode(participant, round));
  });
  // This person's read-only report key, for a link that opens their report in any browser.
  app.get('/api/rooms/:roomId/report-key', async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    res.json({ key: reportKeys.keyFor(participant.roomId, participant.id) });
  });

  // A seated person deletes the room with everything in it (P-ROOM-7); observers and report
  // keys cannot.
  app.delete('/api/rooms/:roomId', async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    if (!(await deletion.mayDelete(participant))) {
      return sendError(res, 403, {
        code: 'FORBIDDEN',
        message: 'Only the people seated in this room can delete it.',
      });
    }
    await deletion.delete(participant.roomId);
    res.status(204).end();
  });

  app.get('/api/rooms/:roomId/replay/:round', async (req, res) => {
    const participant = await reader(req);
    if (!participant) return notJoined(res);
    const round = roundNumber(req.params.round);
    if (!round) return sendError(res, 404, { code: 'NOT_FOUND', message: 'There is no such round.' });
    res.json(await replay.info(participant, round));
  });
  app.get('/api/rooms/:roomId/replay/:round/:kind', async (req, res) => {
    const participant = await reader(req);
    if (!participant) return notJoined(res);
    const round = roundNumber(req.params.round);
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

  app.use(filesRouter({ rooms, files, participantOf: bearer }));

  app.use('/api', (_req, res) => {
    sendError(res, 404, { code: 'NOT_FOUND', message: 'No such endpoint.' });
  });

  const indexHtml = clientDir ? path.join(clientDir, 'index.html') : undefined;
  if (clientDir && indexHtml && fs.existsSync(indexHtml)) {
    // Hashed bundles and a versioned Python never change; index.html must always be fresh.
    const setHeaders = (res: Response, file: string) => {
      if (/[/\\](?:assets|pyodide)[/\\]/.test(file)) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    };
    app.use(precompressed(clientDir, setHeaders));
    app.use(express.static(clientDir, { index: false, setHeaders }));
    // Pages of the app get index.html; unknown rooms and tracks still get it (it shows a clear
    // page) but with a 404 status.
    const page = (res: Response, found: boolean) =>
      res.status(found ? 200 : 404).sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } });
    app.get(['/r/:roomId', '/r/:roomId/report'], async (req, res) => {
      const roomId = String(req.params.roomId);
      page(res, ROOM_ID_PATTERN.test(roomId) && (await rooms.summary(roomId)) !== null);
    });
    app.get('/tracks/:trackId', (req, res) => {
      page(
        res,
        publicTracks.some((t) => t.id === req.params.trackId),
      );
    });
    app.get('/tracks/:trackId/questions/:questionId', (req, res) => {
      const { trackId, questionId } = req.params;
      page(
        res,
        publicQuestions.some((q) => q.id === questionId && q.trackId === trackId),
      );
    });
    app.get(['/lobby', '/practice'], (_req, res) => {
      page(res, true);
    });
    app.get(['/', '/index.html'], (_req, res) => {
      res.sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } });
    });
    // Any other page a browser asks for gets the app's own not-found page, with a 404.
    app.get('/{*path}', (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.status(404).sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } });
    });
  }

  app.use((_req, res) => {
    sendError(res, 404, { code: 'NOT_FOUND', message: 'Not found.' });
  });

  // Express 5 forwards rejected async handlers here.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    // The browser went away mid-download (a closed tab, a cancelled prefetch): nothing failed here.
    if (typeof err === 'object' && err && 'code' in err && err.code === 'ECONNABORTED') {
      res.destroy();
      return;
    }
    if (err instanceof AppError) {
      sendError(res, HTTP_STATUS[err.code], { code: err.code, message: err.message });
      return;
    }
    const status = typeof err === 'object' && err && 'status' in err ? Number(err.status) : 500;
    if (status >= 400 && status < 500) {
      sendError(res, status, { code: 'BAD_REQUEST', message: 'Malformed request.' });
      return;
    }
    req.log.error({ err }, 'request failed');
    sendError(res, 500, { code: 'INTERNAL', message: 'Something went wrong on the server.' });
  });

  return app;
}
