import {
  ClientEvent,
  type ClientToServerEvents,
  EmptyRequest,
  JoinRequest,
  PresenceUpdate,
  type RoomState,
  SelectQuestionRequest,
  ServerEvent,
  type ServerToClientEvents,
  SetLanguageRequest,
} from '@mockloop/shared';
import type { Server, Socket } from 'socket.io';
import type { InterviewService } from '../interview/InterviewService.js';
import { AppError } from '../rooms/AppError.js';
import type { Presence } from '../rooms/Presence.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { ParticipantRecord } from '../store/Store.js';
import { onEvent } from './onEvent.js';

interface SocketData {
  participant?: ParticipantRecord;
}

export type ControlServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO room name for everyone in an interview room. */
const roomChannel = (roomId: string) => `room:${roomId}`;
/** Socket.IO room name for the interviewer's sockets only: private data goes nowhere else (P-PRIV-2). */
const interviewerChannel = (roomId: string) => `room:${roomId}:interviewer`;

/**
 * The control plane: join, presence and room settings over Socket.IO. Every payload is parsed at
 * the edge by onEvent; identity lives in socket.data, set only by a successful join.
 */
export function attachControlPlane(
  io: ControlServer,
  rooms: RoomService,
  interview: InterviewService,
  presence: Presence,
  log: (message: string, err?: unknown) => void,
): void {
  const fullState = async (roomId: string): Promise<RoomState> => ({
    ...(await rooms.roomState(roomId)),
    round: await interview.roundView(roomId),
  });
  const broadcastState = async (roomId: string) => {
    try {
      io.to(roomChannel(roomId)).emit(ServerEvent.RoomState, await fullState(roomId));
    } catch (err) {
      log(`[control] broadcast ${roomId} failed`, err);
    }
  };
  const sendBrief = async (roomId: string) => {
    io.to(interviewerChannel(roomId)).emit(ServerEvent.InterviewerBrief, await interview.brief(roomId));
  };

  io.on('connection', (socket: ControlSocket) => {
    const requireParticipant = (): ParticipantRecord => {
      const participant = socket.data.participant;
      if (!participant) throw new AppError('NOT_JOINED', 'Join the room first.');
      return participant;
    };

    onEvent(
      socket,
      ClientEvent.Join,
      JoinRequest,
      async (req) => {
        const { participant, secret } = await rooms.join(req);
        const previous = socket.data.participant;
        if (previous && previous.id !== participant.id) {
          presence.disconnect(previous.roomId, previous.id, socket.id);
          await socket.leave(roomChannel(previous.roomId));
          await socket.leave(interviewerChannel(previous.roomId));
          void broadcastState(previous.roomId);
        }
        socket.data.participant = participant;
        presence.connect(participant.roomId, participant.id, socket.id);
        await socket.join(roomChannel(participant.roomId));
        const room = await fullState(participant.roomId);
        socket.to(roomChannel(participant.roomId)).emit(ServerEvent.RoomState, room);
        if (participant.role === 'interviewer') {
          await socket.join(interviewerChannel(participant.roomId));
          // After the ack, so the client has its session when the brief arrives.
          setImmediate(() => {
            interview.brief(participant.roomId).then(
              (brief) => socket.emit(ServerEvent.InterviewerBrief, brief),
              (err) => log('[control] brief failed', err),
            );
          });
        }
        return {
          self: rooms.view(participant),
          secret,
          room,
          documents: rooms.docAccess(participant, room.round.number),
        };
      },
      log,
    );

    onEvent(
      socket,
      ClientEvent.SetLanguage,
      SetLanguageRequest,
      async ({ language }) => {
        const participant = requireParticipant();
        await rooms.setLanguage(participant, language);
        await broadcastState(participant.roomId);
        return null;
      },
      log,
    );

    onEvent(
      socket,
      ClientEvent.Presence,
      PresenceUpdate,
      async ({ away }) => {
        const participant = requireParticipant();
        presence.setAway(participant.roomId, participant.id, away);
        await broadcastState(participant.roomId);
        return null;
      },
      log,
    );

    onEvent(
      socket,
      ClientEvent.SelectQuestion,
      SelectQuestionRequest,
      async ({ questionId }) => {
        const participant = requireParticipant();
        await interview.selectQuestion(participant, questionId);
        await sendBrief(participant.roomId);
        return null;
      },
      log,
    );

    onEvent(
      socket,
      ClientEvent.RevealQuestion,
      EmptyRequest,
      async () => {
        const participant = requireParticipant();
        await interview.revealQuestion(participant);
        await Promise.all([broadcastState(participant.roomId), sendBrief(participant.roomId)]);
        return null;
      },
      log,
    );

    onEvent(
      socket,
      ClientEvent.RevealHint,
      EmptyRequest,
      async () => {
        const participant = requireParticipant();
        await interview.revealHint(participant);
        await Promise.all([broadcastState(participant.roomId), sendBrief(participant.roomId)]);
        return null;
      },
      log,
    );

    socket.on('disconnect', () => {
      const participant = socket.data.participant;
      if (!participant) return;
      presence.disconnect(participant.roomId, participant.id, socket.id);
      void broadcastState(participant.roomId);
    });
  });
}
