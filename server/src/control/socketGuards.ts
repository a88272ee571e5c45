import { fail } from '@mockloop/shared';
import type { Limits } from '../limits/Limits.js';
import { TokenBucket } from '../limits/TokenBucket.js';
import type { ControlServer, ControlSocket } from './ControlPlane.js';

/**
 * Bounds on every control socket, attached before any event handler: an event budget (over it,
 * a `RATE_LIMITED` error; after `controlStrikes` refusals, a disconnect) and a deadline to join a
 * room or enter the lobby (P-CTL-4).
 */
export function attachSocketGuards(io: ControlServer, limits: Limits, log: (message: string) => void): void {
  io.on('connection', (socket: ControlSocket) => {
    const budget = new TokenBucket(limits.controlEventBurst, limits.controlEventsPerSecond);
    let strikes = 0;
    socket.use((packet, next) => {
      if (budget.take()) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function') ack(fail('RATE_LIMITED', 'Too many requests: slow down.'));
      strikes++;
      if (strikes === limits.controlStrikes) {
        log(`[control] disconnecting ${socket.id}: over its event budget`);
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
