import { ClientEvent, JoinRequest, ServerEvent } from '@mockloop/shared';
import { participantChannel } from '../lobby/LobbyService.js';
import { roomChannel } from './controlTypes.js';
import { onEvent } from './onEvent.js';
import { grantsKey } from './pushGrants.js';
import type { SocketContext } from './SocketContext.js';

/**
 * `room:join`: seats the socket (leaving the room or person it spoke for before), answers with
 * the room state and the seat's documents, and sends the brief after the ack to an interviewer.
 */
export function attachJoin(ctx: SocketContext): void {
  const { socket, deps, log, broadcast } = ctx;
  const { rooms, presence, calls, interview } = deps;
  onEvent(
    socket,
    ClientEvent.Join,
    JoinRequest,
    async (req) => {
      const { participant, secret } = await rooms.join(req);
      const previousRoom = socket.data.roomId;
      const previousParticipant = socket.data.participantId;
      if (previousRoom && previousParticipant && previousParticipant !== participant.id) {
        presence.disconnect(previousRoom, previousParticipant, socket.id);
        calls.leave(previousRoom, previousParticipant, socket.id);
        ctx.departed(previousRoom);
        await socket.leave(roomChannel(previousRoom));
        await socket.leave(participantChannel(previousParticipant));
        void broadcast(previousRoom);
      }
      socket.data.roomId = participant.roomId;
      socket.data.participantId = participant.id;
      deps.onActivity?.(participant.roomId);
      presence.connect(participant.roomId, participant.id, socket.id);
      await socket.join([roomChannel(participant.roomId), participantChannel(participant.id)]);
      deps.onArrive?.(participant);
      if (req.seen) deps.seen?.set(participant.roomId, participant.id, req.seen);
      // After the ack, so the page has its session when the simulation's view arrives.
      const simulation = deps.simulation;
      if (simulation) {
        setImmediate(() => {
          simulation.arrived(participant).catch((err) => log.error({ err }, 'simulation arrival failed'));
        });
      }
      const room = await ctx.fullState(participant.roomId);
      socket.data.tab = req.tab;
      const grants = rooms.grants(participant, room.round, req.tab);
      // Set before the broadcast, so it pushes this socket no grants it already has.
      socket.data.grantsKey = grantsKey(grants);
      // A join that says what its browser has seen may change the interviewer's brief (P-SEEN-1).
      void broadcast(participant.roomId, {
        brief: req.seen !== undefined && room.round.interviewerId !== participant.id,
      });
      if (room.round.interviewerId === participant.id) {
        // After the ack, so the client has its session when the brief arrives; the seat is read
        // again at send time.
        setImmediate(() => {
          interview.interviewerBrief(participant.roomId).then(
            ({ interviewerId, brief }) => {
              if (interviewerId === socket.data.participantId)
                socket.emit(ServerEvent.InterviewerBrief, brief);
            },
            (err) => log.error({ err }, 'sending the brief failed'),
          );
        });
      }
      return { self: rooms.view(participant), secret, room, documents: grants.documents };
    },
    log,
  );
}
