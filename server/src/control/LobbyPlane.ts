import { ClientEvent, EmptyRequest, LobbyEnterRequest, ServerEvent } from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import type { PerIpLimiter } from '../limits/PerIpLimiter.js';
import { type LobbyNotifier, type LobbyService, participantChannel } from '../lobby/LobbyService.js';
import { connectionLog } from '../logging/connectionLog.js';
import type { Logger } from '../logging/createLogger.js';
import type { ControlServer, ControlSocket } from './controlTypes.js';
import { onEvent } from './onEvent.js';

/** Reaches lobby channels (a socket's own id, or a participant's room sockets) over Socket.IO. */
export function socketNotifier(io: ControlServer): LobbyNotifier {
  return {
    status: (channel, status) => io.to(channel).emit(ServerEvent.LobbyStatus, status),
    matched: (channel, match) => io.to(channel).emit(ServerEvent.LobbyMatched, match),
  };
}

/**
 * Lobby events on the control connection: enter and leave the line. Closing the tab (the socket
 * disconnecting) leaves it too.
 */
export function attachLobbyPlane(
  io: ControlServer,
  lobby: LobbyService,
  entries: { limiter: PerIpLimiter; addressOf: (socket: ControlSocket) => string; onRefused?: () => void },
  base: Logger,
): void {
  io.on('connection', (socket: ControlSocket) => {
    const log = connectionLog(base, socket);
    // A socket is in the Socket.IO room named by its own id: that is its lobby channel.
    onEvent(
      socket,
      ClientEvent.LobbyEnter,
      LobbyEnterRequest,
      async (req) => {
        // Each match creates a room: entering is limited per address like creating one is.
        const decision = await entries.limiter.consume(entries.addressOf(socket));
        if (!decision.allowed) {
          entries.onRefused?.();
          const minutes = Math.ceil(decision.retryAfterMs / 60_000);
          throw new AppError(
            'RATE_LIMITED',
            `Too many lobby entries from your address; try again in ${minutes} min.`,
          );
        }
        socket.data.inLobby = true;
        return lobby.enter(socket.id, req);
      },
      log,
    );
    onEvent(
      socket,
      ClientEvent.LobbyLeave,
      EmptyRequest,
      async () => {
        await lobby.leave(socket.id);
        const participantId = socket.data.participantId;
        if (participantId) await lobby.leave(participantChannel(participantId));
        return null;
      },
      log,
    );
    socket.on('disconnect', () => {
      lobby.leave(socket.id).catch((err) => log.error({ err }, 'lobby leave failed'));
    });
  });
}
