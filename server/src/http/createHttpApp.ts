import express from 'express';
import type { ReportKeys } from '../auth/ReportKeys.js';
import type { FileService } from '../files/FileService.js';
import type { RecordingService } from '../files/RecordingService.js';
import type { Readiness } from '../health/Readiness.js';
import type { InterviewService } from '../interview/InterviewService.js';
import type { TrustProxy } from '../limits/clientAddress.js';
import type { PerIpLimiter } from '../limits/PerIpLimiter.js';
import type { Logger } from '../logging/createLogger.js';
import type { Metrics } from '../metrics/Metrics.js';
import type { OwnQuestionService } from '../ownQuestions/OwnQuestionService.js';
import type { OwnQuestionLimits } from '../ownQuestions/ownQuestionLimits.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { publicQuestion } from '../questions/publicQuestion.js';
import { publicTrack } from '../questions/publicTrack.js';
import type { ReviewService } from '../review/ReviewService.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { ReplayService } from '../rounds/ReplayService.js';
import type { ReportService } from '../rounds/ReportService.js';
import type { SimulationService } from '../simulation/SimulationService.js';
import type { ParticipantRecord } from '../store/Store.js';
import { accessLog } from './accessLog.js';
import { errorHandler, sendError } from './errors.js';
import { requestParticipant } from './requestParticipant.js';
import { bankRoutes } from './routes/bankRoutes.js';
import { fileRoutes } from './routes/fileRoutes.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { ownQuestionRoutes } from './routes/ownQuestionRoutes.js';
import { pageRoutes } from './routes/pageRoutes.js';
import { recordingRoutes } from './routes/recordingRoutes.js';
import { reportRoutes } from './routes/reportRoutes.js';
import { reviewRoutes } from './routes/reviewRoutes.js';
import { roomRoutes } from './routes/roomRoutes.js';
import { simulationRoutes } from './routes/simulationRoutes.js';
import { securityHeaders } from './securityHeaders.js';

export interface HttpAppOptions {
  rooms: RoomService;
  interview: InterviewService;
  /** Rooms' reports, per viewer. */
  reports: ReportService;
  /** Round histories for the report's replay. */
  replay: ReplayService;
  /** Whiteboard images. */
  files: FileService;
  /** Voice recordings (P-AUDIO-*), and the largest piece they take. */
  recordings?: { service: RecordingService; pieceBytes: number };
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
  /** Solo rooms with a simulated interviewer (P-SIM-1). */
  simulation?: SimulationService;
  /** A friend's review of a round (P-REVIEW-1..4). */
  reviews?: ReviewService;
  /** My questions (P-MYQ-*), their bounds, and the writes each address may make an hour. */
  ownQuestions: { service: OwnQuestionService; limits: OwnQuestionLimits; writes: PerIpLimiter };
}

/** Express app for the HTTP API and the built client. Never listens by itself. */
export function createHttpApp({
  rooms,
  interview,
  reports,
  replay,
  files,
  recordings,
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
  simulation,
  reviews,
  ownQuestions,
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

  app.use(healthRoutes(nodeId, readiness));
  // What this node serves is on the internal listener only (createInternalApp, P-HTTP-2).

  const questions = bank.questions.map(publicQuestion);
  const tracks = bank.tracks.map(publicTrack);
  /** The participant the request's bearer speaks for (a secret; a report key where allowed). */
  const bearer = requestParticipant(
    rooms,
    reportKeys,
    reviews && ((roomId, key) => reviews.authorize(roomId, key)),
  );
  app.use(roomRoutes({ rooms, interview, bank, publicUrl, roomCreation, metrics, bearer, deletion }));
  if (simulation) app.use(simulationRoutes({ simulation, roomCreation, metrics, bearer }));
  if (reviews) app.use(reviewRoutes({ reviews, bearer }));
  app.use(bankRoutes(questions, tracks));
  app.use(
    ownQuestionRoutes({
      questions: ownQuestions.service,
      limits: ownQuestions.limits,
      writes: ownQuestions.writes,
      metrics,
    }),
  );
  app.use(reportRoutes({ reports, replay, reportKeys, bearer }));
  app.use(fileRoutes({ rooms, files, participantOf: bearer }));
  if (recordings)
    app.use(recordingRoutes({ recordings: recordings.service, pieceBytes: recordings.pieceBytes, bearer }));
  app.use('/api', (_req, res) => {
    sendError(res, 404, { code: 'NOT_FOUND', message: 'No such endpoint.' });
  });

  const pages = clientDir ? pageRoutes({ clientDir, rooms, questions, tracks }) : null;
  if (pages) app.use(pages);
  app.use((_req, res) => {
    sendError(res, 404, { code: 'NOT_FOUND', message: 'Not found.' });
  });
  app.use(errorHandler);

  return app;
}
