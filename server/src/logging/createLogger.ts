import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import { redact } from './redact.js';

export type { Logger };

export interface LogSettings {
  /** pino's level: fatal, error, warn, info, debug, trace or silent (LOG_LEVEL). */
  level: string;
  /** `json`: one JSON object a line; `pretty`: pino-pretty, for a person at a terminal (LOG_FORMAT). */
  format: 'json' | 'pretty';
}

/** Strings in a line's fields and message, redacted (nested one level: `err`, `req`). */
function redactFields(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string') out[key] = redact(value);
    else if (value && Object.getPrototypeOf(value) === Object.prototype)
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          typeof v === 'string' ? redact(v) : v,
        ]),
      );
    else out[key] = value;
  }
  return out;
}

/** pino's error serializer, with the message and stack redacted (they may quote an id). */
function redactedError(err: Error): pino.SerializedError {
  const out = pino.stdSerializers.err(err);
  out.message = redact(out.message);
  if (out.stack) out.stack = redact(out.stack);
  return out;
}

/**
 * The server's logger: JSON lines with an ISO time and a level name by default, pino-pretty for
 * development; every string in a line goes through `redact`, so no room id, secret or token is
 * written in the clear whatever a call site passes (README, Logs).
 */
export function createLogger(settings: LogSettings, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: settings.level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: redactFields,
    },
    serializers: { err: redactedError },
    hooks: {
      logMethod(args, method) {
        // The message (and printf-style arguments) are redacted like the fields.
        const safe = args.map((a) => (typeof a === 'string' ? redact(a) : a)) as Parameters<typeof method>;
        method.apply(this, safe);
      },
    },
  };
  if (destination) return pino(options, destination);
  if (settings.format === 'pretty') {
    // Loaded only when asked for: a production start does not pay for it.
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
    return pino(options, pretty({ sync: true, colorize: process.stdout.isTTY }));
  }
  return pino(options);
}

/** A logger that writes nothing (tests, tools). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
