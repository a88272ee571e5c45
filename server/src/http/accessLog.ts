import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/createLogger.js';
import { redact } from '../logging/redact.js';
import type { Metrics } from '../metrics/Metrics.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** This request's logger: every line carries its request id (`req`). */
    log: Logger;
  }
}

/** A request id from a proxy is kept when it looks like one; else a new one. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The access log and HTTP metrics: each request gets an id (kept from `X-Request-Id` when a proxy
 * sent a sane one, echoed back) and a child logger `req.log`; when it ends, one `info` line with
 * method, path (room ids and keys redacted), status, bytes and time, and one observation in
 * `mockloop_http_request_duration_seconds` labelled by the route pattern, never the path.
 * Health checks log at debug.
 */
export function accessLog(log: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers['x-request-id'];
    const id =
      typeof header === 'string' && FORWARDED_ID.test(header) ? header : randomBytes(6).toString('hex');
    res.setHeader('x-request-id', id);
    req.log = log.child({ req: id });
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req, res);
      metrics.httpRequests.observe(
        { method: methodLabel(req.method), route, status: String(res.statusCode) },
        seconds,
      );
      // Load balancers ask for health twice a second: those lines are debug.
      const level = HEALTH_PATHS.has(req.path) ? 'debug' : 'info';
      req.log[level](
        {
          method: req.method,
          path: redact(req.originalUrl.split('?')[0] ?? '/'),
          status: res.statusCode,
          bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
          ms: Math.round(seconds * 1000 * 10) / 10,
          aborted: !res.writableFinished || undefined,
        },
        'request',
      );
    });
    next();
  };
}

const HEALTH_PATHS = new Set(['/healthz', '/readyz']);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'other';
}

/** The matched route's pattern (`/api/rooms/:roomId`), `static` for files, else `unmatched`. */
function routeLabel(req: Request, res: Response): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  if (Array.isArray(pattern)) return `${req.baseUrl}${pattern.join('|')}`;
  if (res.statusCode < 400 && req.method === 'GET') return 'static';
  return 'unmatched';
}
