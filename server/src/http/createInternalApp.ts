import express, { type NextFunction, type Request, type Response } from 'express';

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
  log: (message: string, err?: unknown) => void;
}

/**
 * The operators' HTTP app, served only on the internal listener (INTERNAL_PORT, on 127.0.0.1 by
 * default), never on the public one (P-HTTP-2): room ids are capabilities, so the list of live
 * rooms must not depend on a proxy adding X-Forwarded-For. Add operator routes (metrics) here.
 */
export function createInternalApp({ nodeId, servedRooms, log }: InternalAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('x-mockloop-node', nodeId);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, node: nodeId });
  });
  app.get('/internal/rooms', (_req, res) => {
    res.json({ node: nodeId, ...servedRooms() });
  });
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    log('[internal] request failed', err);
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
  });
  return app;
}
