import { type Ack, fail, ok } from '@mockloop/shared';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError } from '../common/AppError.js';
import type { Logger } from '../logging/createLogger.js';

/**
 * Registers a control-event handler that validates at the edge (P-CTL-2): the payload is parsed
 * with `schema`, bad input gets a BAD_REQUEST ack and changes nothing, an AppError becomes its
 * code, and anything unexpected becomes INTERNAL. A handler error never reaches the process.
 * An event sent without an acknowledgement callback is a protocol violation: the socket is cut.
 */
export function onEvent<S extends z.ZodType, R>(
  socket: Socket,
  event: string,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<R>,
  log: Logger,
): void {
  socket.on(event, async (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') {
      socket.disconnect(true);
      return;
    }
    const reply = ack as (response: Ack<R>) => void;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      reply(fail('BAD_REQUEST', `${where}${issue?.message ?? 'invalid payload'}`));
      return;
    }
    try {
      reply(ok(await handler(parsed.data)));
    } catch (err) {
      if (err instanceof AppError) {
        reply(fail(err.code, err.message));
      } else {
        log.error({ err, event }, 'control event failed');
        reply(fail('INTERNAL', 'Something went wrong on the server.'));
      }
    }
  });
}
