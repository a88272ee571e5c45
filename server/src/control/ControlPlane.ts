import { AppError } from '../common/AppError.js';
import { connectionLog } from '../logging/connectionLog.js';
import type { ParticipantRecord } from '../store/Store.js';
import { attachCallEvents } from './CallPlane.js';
import type { ControlDeps, ControlServer, ControlSocket } from './controlTypes.js';
import { attachJoin } from './joinEvent.js';
import { attachRunEvents } from './RunPlane.js';
import { attachRoomEvents } from './roomEvents.js';
import { roomStates } from './roomStates.js';
import type { SocketContext } from './SocketContext.js';

export {
  type ControlDeps,
  type ControlServer,
  type ControlSocket,
  roomChannel,
  type SocketData,
} from './controlTypes.js';

/**
 * The room's control plane over Socket.IO: join, presence, settings, the interviewer console,
 * the clock, role swap and feedback. Every payload is parsed at the edge by onEvent; every
 * permission is checked against the participant's seat as stored now, not as it was at join.
 */
export function attachControlPlane(
  io: ControlServer,
  deps: ControlDeps,
): { broadcast: (roomId: string) => Promise<void> } {
  const { rooms, presence, calls } = deps;
  const states = roomStates(io, deps);
  const departed = (roomId: string) => {
    if (presence.snapshot(roomId).size === 0) calls.forgetRoom(roomId);
  };

  io.on('connection', (socket: ControlSocket) => {
    // This socket's lines carry its connection id.
    const log = connectionLog(deps.log, socket);
    const participantNow = async (): Promise<ParticipantRecord> => {
      const id = socket.data.participantId;
      const participant = id ? await rooms.participant(id) : null;
      if (!participant) throw new AppError('NOT_JOINED', 'Join the room first.');
      return participant;
    };
    const ctx: SocketContext = { ...states, io, socket, deps, log, participantNow, departed };
    attachJoin(ctx);
    attachRoomEvents(ctx);
    attachCallEvents(socket, {
      io,
      calls,
      rooms,
      ice: deps.ice,
      participantNow,
      broadcast: states.broadcast,
      log,
    });
    if (deps.runs) attachRunEvents(socket, { ...deps.runs, participantNow, log });

    socket.on('disconnect', () => {
      const { roomId, participantId } = socket.data;
      if (!roomId || !participantId) return;
      calls.leave(roomId, participantId, socket.id);
      if (presence.disconnect(roomId, participantId, socket.id)) deps.onDepart?.(participantId);
      departed(roomId);
      void states.broadcast(roomId);
    });
  });
  return { broadcast: (roomId) => states.broadcast(roomId) };
}
