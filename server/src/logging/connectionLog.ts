import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';

const loggers = new WeakMap<object, Logger>();

/**
 * The logger of one connection (a control socket or a document WebSocket): `base` with a `conn`
 * id of its own, made on first use and the same for every later line about that connection.
 */
export function connectionLog(
  base: Logger,
  connection: object,
  fields: Record<string, unknown> = {},
): Logger {
  let log = loggers.get(connection);
  if (!log) {
    log = base.child({ conn: randomBytes(6).toString('hex'), ...fields });
    loggers.set(connection, log);
  }
  return log;
}
