import { z } from 'zod';

/** Error codes carried in failed acknowledgements and HTTP error bodies. */
export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'NOT_FOUND',
  'NOT_JOINED',
  'FORBIDDEN',
  'ROOM_FULL',
  /** The thing is already done and final (feedback once submitted). */
  'CONFLICT',
  /** Too many requests or events: slow down (a socket that keeps going is disconnected). */
  'RATE_LIMITED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** Every acknowledged control event answers with this shape (P-CTL-2). */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type AckCallback<T> = (response: Ack<T>) => void;

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Ack<never> {
  return { ok: false, error: { code, message } };
}
