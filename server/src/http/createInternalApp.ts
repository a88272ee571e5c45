import { ROOM_ID_PATTERN } from '@mockloop/shared';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Readiness } from '../health/Readiness.js';
import type { Logger } from '../logging/createLogger.js';
import type { Metrics } from '../metrics/Metrics.js';
import { accessLog } from './accessLog.js';

/** What this node serves now, for operators and the cluster tests. */
export interface ServedRooms {
  /** Rooms whose documents this node serves. */
  rooms: string[];
  /** Rooms with control sockets here, with how many each. */
  controlRooms: Record<string, number>;
  sockets: number;
  documents: number;
}

export interface InternalAppOptions {
  nodeId: string;
  servedRooms: () => ServedRooms;
  log: Logger;
  metrics: Metrics;
  readiness: Readiness;
  /** Deletes a room with everything in it (the operator's `npm run room:delete`); false if none. */
  deleteRoom: (roomId: string) => Promise<boolean>;
}

/**
 * The operators' HTTP app, served only on the internal listener (INTERNAL_PORT, on 127.0.0.1 by
 * default), never on the public one (P-HTTP-2): room ids are capabilities, so the list of live
 * rooms must not depend on a proxy adding X-Forwarded-For. Metrics, readiness with its reasons,
 * the room list and the operator's room deletion live here.
 */
export function createInternalApp({
  nodeId,
  servedRooms,
  log,
  metrics,
  readiness,
  deleteRoom,
}: InternalAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(accessLog(log.child({ listener: 'internal' }), metrics));
  app.use((_req, res, next) => {
    res.setHeader('x-mockloop-node', nodeId);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, node: nodeId });
  });
  app.get('/readyz', async (_req, res) => {
    const report = await readiness.report();
    res.status(report.ready ? 200 : 503).json({ node: nodeId, ...report });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.text());
  });
  app.get('/internal/rooms', (_req, res) => {
    res.json({ node: nodeId, ...servedRooms() });
  });
  app.delete('/internal/rooms/:roomId', async (req, res) => {
    const roomId = String(req.params.roomId);
    const deleted = ROOM_ID_PATTERN.test(roomId) && (await deleteRoom(roomId));
    if (!deleted) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'There is no such room.' } });
      return;
    }
    res.json({ deleted: true });
  });
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err }, 'internal request failed');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
  });
  return app;
}
