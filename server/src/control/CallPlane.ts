import {
  CallJoinRequest,
  CallMedia,
  type CallSignal,
  CallSignalRequest,
  ClientEvent,
  EmptyRequest,
  type Role,
  ServerEvent,
} from '@mockloop/shared';
import type { CallRegistry } from '../call/CallRegistry.js';
import { callConfigFor, type IceSettings } from '../call/iceServers.js';
import { receiveOnlyProblem } from '../call/receiveOnly.js';
import { AppError } from '../common/AppError.js';
import type { Logger } from '../logging/createLogger.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { ParticipantRecord } from '../store/Store.js';
import type { ControlServer, ControlSocket } from './controlTypes.js';
import { onEvent } from './onEvent.js';

export interface CallPlaneDeps {
  io: ControlServer;
  calls: CallRegistry;
  rooms: RoomService;
  ice: IceSettings;
  /** The socket's participant as stored now (throws NOT_JOINED). */
  participantNow: () => Promise<ParticipantRecord>;
  broadcast: (roomId: string) => Promise<void>;
  log: Logger;
}

const sends = (role: Role) => role !== 'observer';

/**
 * The call's signalling on one control socket (P-CALL-1..4). The server relays offers, answers
 * and candidates between two endpoints of one room's call and nowhere else; media never passes
 * through it. Seats send and receive; an observer only receives, and never connects to another
 * observer.
 */
export function attachCallEvents(socket: ControlSocket, deps: CallPlaneDeps): void {
  const { io, calls, rooms, ice, participantNow, broadcast, log } = deps;

  onEvent(
    socket,
    ClientEvent.CallJoin,
    CallJoinRequest,
    async ({ endpoint, media }) => {
      const participant = await participantNow();
      // An endpoint id is its opener's, also after they left: nobody answers for their page (P-CALL-5).
      if (!calls.claim(participant.roomId, participant.id, endpoint)) {
        throw new AppError('CONFLICT', 'That call endpoint is someone else’s.');
      }
      calls.join(participant.roomId, participant.id, {
        endpoint,
        socketId: socket.id,
        // An observer's camera and microphone are never on, whatever the page says.
        media: sends(participant.role) ? media : { audio: false, video: false },
      });
      void broadcast(participant.roomId);
      return callConfigFor(ice, participant.id, sends(participant.role));
    },
    log,
  );

  // Fresh ICE configuration (TURN credentials) for a page in the call, before the old expire.
  onEvent(
    socket,
    ClientEvent.CallIce,
    EmptyRequest,
    async () => {
      const participant = await participantNow();
      if (!calls.entryOf(participant.roomId, participant.id, socket.id)) {
        throw new AppError('FORBIDDEN', 'Join the call first.');
      }
      return callConfigFor(ice, participant.id, sends(participant.role));
    },
    log,
  );

  onEvent(
    socket,
    ClientEvent.CallMedia,
    CallMedia,
    async (media) => {
      const participant = await participantNow();
      if (!sends(participant.role))
        throw new AppError('FORBIDDEN', 'Observers listen and watch: they do not send.');
      if (!calls.setMedia(participant.roomId, participant.id, socket.id, media)) {
        throw new AppError('FORBIDDEN', 'Join the call first.');
      }
      void broadcast(participant.roomId);
      return null;
    },
    log,
  );

  onEvent(
    socket,
    ClientEvent.CallLeave,
    EmptyRequest,
    async () => {
      const participant = await participantNow();
      if (calls.leave(participant.roomId, participant.id, socket.id)) void broadcast(participant.roomId);
      return null;
    },
    log,
  );

  onEvent(
    socket,
    ClientEvent.CallSignal,
    CallSignalRequest,
    async ({ to, signal }) => {
      const sender = await participantNow();
      const own = calls.entryOf(sender.roomId, sender.id, socket.id);
      if (!own) throw new AppError('FORBIDDEN', 'Join the call first.');
      const target = calls.byEndpoint(sender.roomId, to);
      if (!target || target.participantId === sender.id) {
        throw new AppError('NOT_FOUND', 'That person is not in the call.');
      }
      const receiver = await rooms.participant(target.participantId);
      if (!receiver || receiver.roomId !== sender.roomId)
        throw new AppError('NOT_FOUND', 'That person is not in the call.');
      checkSignal(signal, sender.role, receiver.role);
      io.to(target.entry.socketId).emit(ServerEvent.CallSignal, {
        from: own.endpoint,
        participantId: sender.id,
        signal,
      });
      return null;
    },
    log,
  );
}

/** The seat rules of a signal (P-CALL-1, P-CALL-2), checked on the roles as stored now. */
function checkSignal(signal: CallSignal, from: Role, to: Role): void {
  if (!sends(from) && !sends(to)) {
    throw new AppError('FORBIDDEN', 'Observers connect only to the interviewer and the candidate.');
  }
  if (signal.description && !sends(from)) {
    const problem = receiveOnlyProblem(signal.description.sdp);
    if (problem) throw new AppError('FORBIDDEN', `An observer may only receive: ${problem}.`);
  }
}
