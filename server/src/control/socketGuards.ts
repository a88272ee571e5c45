import { fail } from '@mockloop/shared';
import { TokenBucket } from '../common/TokenBucket.js';
import { connectionLog } from '../logging/connectionLog.js';
import type { Logger } from '../logging/createLogger.js';
import { Metrics } from '../metrics/Metrics.js';
import type { ControlServer, ControlSocket } from './controlTypes.js';

/**
 * Bounds on every control socket, attached before any event handler: an event budget (over it,
 * a `RATE_LIMITED` error; after `controlStrikes` refusals, a disconnect) and a deadline to join a
 * room or enter the lobby (P-CTL-4).
 */
/** What every control socket is held to (from the server's Limits). */
export interface SocketLimits {
  controlEventsPerSecond: number;
  controlEventBurst: number;
  /** Refused events after which the socket is disconnected. */
  controlStrikes: number;
  /** A socket that has neither joined a room nor entered the lobby by then is closed. */
  joinTimeoutMs: number;
}

export function attachSocketGuards(
  io: ControlServer,
  limits: SocketLimits,
  base: Logger,
  metrics: Metrics,
): void {
  io.on('connection', (socket: ControlSocket) => {
    const log = connectionLog(base, socket);
    metrics.connections.inc({ plane: 'control' });
    log.debug('control socket connected');
    socket.once('disconnect', (reason) => log.debug({ reason }, 'control socket closed'));
    const budget = new TokenBucket(limits.controlEventBurst, limits.controlEventsPerSecond);
    let strikes = 0;
    socket.use((packet, next) => {
      const ack = packet.at(-1);
      if (budget.take()) {
        // Time from arrival to acknowledgement, per event the protocol knows (bounded labels).
        if (typeof ack === 'function') packet[packet.length - 1] = timedAck(ack, packet[0], metrics);
        return next();
      }
      metrics.refusals.inc({ limit: 'control_events' });
      if (typeof ack === 'function') ack(fail('RATE_LIMITED', 'Too many requests: slow down.'));
      strikes++;
      if (strikes === limits.controlStrikes) {
        log.warn('disconnecting a control socket over its event budget');
        socket.disconnect(true);
      }
    });
    const deadline = setTimeout(() => {
      if (socket.data.participantId || socket.data.inLobby) return;
      socket.disconnect(true);
    }, limits.joinTimeoutMs);
    deadline.unref();
    socket.once('disconnect', () => clearTimeout(deadline));
  });
}

/** Wraps an event's acknowledgement so the time until it is called is observed. */
function timedAck(
  ack: (...args: unknown[]) => void,
  event: unknown,
  metrics: Metrics,
): (...args: unknown[]) => void {
  const started = process.hrtime.bigint();
  const label = Metrics.eventLabel(event);
  return (...args) => {
    const response = args[0] as { ok?: unknown } | undefined;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.controlEvents.observe(
      { event: label, outcome: response?.ok === false ? 'error' : 'ok' },
      seconds,
    );
    ack(...args);
  };
}
