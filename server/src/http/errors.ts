import type { ErrorBody, ErrorCode } from '@mockloop/shared';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../common/AppError.js';

/** The HTTP status of each error code a service may throw (as AppError). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_JOINED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROOM_FULL: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Every error answer of the API: `{ error: { code, message } }`. */
export function sendError(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json({ error: body });
}

export const notJoined = (res: Response) =>
  sendError(res, 401, { code: 'NOT_JOINED', message: 'Present your participant secret.' });

/** A round number in a path (1-999), or null. */
export function roundNumber(raw: unknown): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 999 ? n : null;
}

/**
 * The last handler: a service's AppError becomes its status and message, a client's malformed
 * request a 400, anything else a logged 500. Express 5 forwards rejected async handlers here.
 */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
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
}
