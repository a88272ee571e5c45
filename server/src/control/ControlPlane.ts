import {
  ClientEvent,
  type ClientToServerEvents,
  EmptyRequest,
  FocusViewRequest,
  JoinRequest,
  PresenceUpdate,
  type RoomState,
  ScorecardInput,
  SelectQuestionRequest,
  SelfAssessmentInput,
  ServerEvent,
  type ServerToClientEvents,
  SetLanguageRequest,
  SwapResponse,
  TimerCommand,
} from '@mockloop/shared';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { InterviewService } from '../interview/InterviewService.js';
import { participantChannel } from '../lobby/LobbyService.js';
import { AppError } from '../rooms/AppError.js';
import type { Presence } from '../rooms/Presence.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { RoundService } from '../rounds/RoundService.js';
import type { ParticipantRecord } from '../store/Store.js';
import { onEvent } from './onEvent.js';
import { RoomBroadcaster } from './RoomBroadcaster.js';

/** Who a socket speaks for: set only by a successful join. The record is re-read on every event. */
export interface SocketData {
  roomId?: string;
  participantId?: string;
  /** Set once the socket entered the lobby: it has a reason to stay connected without a room. */
  inLobby?: boolean;
}

export type ControlServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type ControlSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** Socket.IO room name for everyone in an interview room. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
/** Socket.IO room name for the interviewer's sockets only: private data goes nowhere else (P-PRIV-2). */
export const interviewerChannel = (roomId: string) => `room:${roomId}:interviewer`;

export interface ControlDeps {
  rooms: RoomService;
  interview: InterviewService;
  rounds: RoundService;
  presence: Presence;
  /** Called when a participant arrives in a room (the lobby waits for both of a match). */
  onArrive?: (participant: ParticipantRecord) => void;
  /** Called when a participant's last connection to a room closes. */
  onDepart?: (participantId: string) => void;
  /** Called on every join and room event (room expiry counts from the last). */
  onActivity?: (roomId: string) => void;
  log: (message: string, err?: unknown) => void;
}

/**
 * The room's control plane over Socket.IO: join, presence, settings, the interviewer console,
 * the clock, role swap and feedback. Every payload is parsed at the edge by onEvent; every
 * permission is checked against the participant's seat as stored now, not as it was at join.
 */
export function attachControlPlane(io: ControlServer, deps: ControlDeps): void {
  const { rooms, interview, rounds, presence, log } = deps;

  const fullState = async (roomId: string): Promise<RoomState> => ({
    ...(await rooms.roomState(roomId)),
    round: await interview.roundView(roomId),
    rounds: await interview.roundSummaries(roomId),
    serverNow: Date.now(),
  });

  /** Sends the room state to everyone, and the brief to the interviewer's channel alone. */
  const send = async (roomId: string, brief: boolean) => {
    try {
      io.to(roomChannel(roomId)).emit(ServerEvent.RoomState, await fullState(roomId));
      if (brief)
        io.to(interviewerChannel(roomId)).emit(ServerEvent.InterviewerBrief, await interview.brief(roomId));
    } catch (err) {
      log(`[control] broadcast ${roomId} failed`, err);
    }
  };
  // However many events a room gets, its state goes out at most once per 50 ms (P-CTL-3).
  const broadcaster = new RoomBroadcaster(send);
  const broadcast = (roomId: string, { brief = false } = {}) => broadcaster.request(roomId, brief);

  /** After seats change, moves every socket of the room in or out of the interviewer channel. */
  const resyncChannels = async (roomId: string) => {
    const sockets = await io.in(roomChannel(roomId)).fetchSockets();
    const participants = await rooms.participants(roomId);
    await Promise.all(
      sockets.map((s) => {
        const seat = participants.find((p) => p.id === s.data.participantId);
        return seat?.role === 'interviewer'
          ? s.join(interviewerChannel(roomId))
          : s.leave(interviewerChannel(roomId));
      }),
    );
  };

  io.on('connection', (socket: ControlSocket) => {
    const participantNow = async (): Promise<ParticipantRecord> => {
      const id = socket.data.participantId;
      const participant = id ? await rooms.participant(id) : null;
      if (!participant) throw new AppError('NOT_JOINED', 'Join the room first.');
      return participant;
    };

    /** A room event: validated, run as the participant, then the room (and brief) re-broadcast. */
    const roomEvent = <S extends z.ZodType>(
      event: string,
      schema: S,
      run: (participant: ParticipantRecord, payload: z.infer<S>) => Promise<unknown>,
      after: { brief?: boolean; seatsChanged?: boolean } = {},
    ) =>
      onEvent(
        socket,
        event,
        schema,
        async (payload) => {
          const participant = await participantNow();
          deps.onActivity?.(participant.roomId);
          await run(participant, payload);
          if (after.seatsChanged) await resyncChannels(participant.roomId);
          await broadcast(participant.roomId, { brief: after.brief });
          return null;
        },
        log,
      );

    onEvent(
      socket,
      ClientEvent.Join,
      JoinRequest,
      async (req) => {
        const { participant, secret } = await rooms.join(req);
        const previousRoom = socket.data.roomId;
        if (previousRoom && socket.data.participantId && socket.data.participantId !== participant.id) {
          presence.disconnect(previousRoom, socket.data.participantId, socket.id);
          await socket.leave(roomChannel(previousRoom));
          await socket.leave(interviewerChannel(previousRoom));
          void broadcast(previousRoom);
        }
        socket.data.roomId = participant.roomId;
        socket.data.participantId = participant.id;
        deps.onActivity?.(participant.roomId);
        presence.connect(participant.roomId, participant.id, socket.id);
        await socket.join([roomChannel(participant.roomId), participantChannel(participant.id)]);
        if (participant.role === 'interviewer') await socket.join(interviewerChannel(participant.roomId));
        else await socket.leave(interviewerChannel(participant.roomId));
        deps.onArrive?.(participant);
        const room = await fullState(participant.roomId);
        void broadcast(participant.roomId);
        if (participant.role === 'interviewer') {
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

    roomEvent(ClientEvent.SetLanguage, SetLanguageRequest, (p, { language }) =>
      rooms.setLanguage(p, language),
    );
    roomEvent(ClientEvent.Presence, PresenceUpdate, async (p, { away }) =>
      presence.setAway(p.roomId, p.id, away),
    );
    roomEvent(
      ClientEvent.SelectQuestion,
      SelectQuestionRequest,
      (p, { questionId }) => interview.selectQuestion(p, questionId),
      { brief: true },
    );
    roomEvent(ClientEvent.RevealQuestion, EmptyRequest, (p) => interview.revealQuestion(p), { brief: true });
    roomEvent(ClientEvent.RevealHint, EmptyRequest, (p) => interview.revealHint(p), { brief: true });
    roomEvent(ClientEvent.Timer, TimerCommand, (p, command) => rounds.controlTimer(p, command));
    roomEvent(ClientEvent.ProposeSwap, EmptyRequest, (p) => rounds.proposeSwap(p), {
      brief: true,
      seatsChanged: true,
    });
    roomEvent(ClientEvent.RespondSwap, SwapResponse, (p, { accept }) => rounds.respondSwap(p, accept), {
      brief: true,
      seatsChanged: true,
    });
    roomEvent(ClientEvent.EndRound, EmptyRequest, (p) => rounds.endRound(p));
    roomEvent(ClientEvent.SubmitScorecard, ScorecardInput, (p, input) => rounds.submitScorecard(p, input));
    roomEvent(ClientEvent.SubmitSelfAssessment, SelfAssessmentInput, (p, input) =>
      rounds.submitSelfAssessment(p, input),
    );

    // The interviewer brings the whole room to one view (P-VIEW-1). A command, not state: nothing
    // is stored and the room state is not re-sent; each person can switch away again.
    onEvent(
      socket,
      ClientEvent.FocusView,
      FocusViewRequest,
      async ({ view }) => {
        const participant = await participantNow();
        if (participant.role !== 'interviewer') {
          throw new AppError('FORBIDDEN', 'Only the interviewer can bring everyone to a view.');
        }
        io.to(roomChannel(participant.roomId)).emit(ServerEvent.ViewFocused, {
          view,
          by: participant.id,
          byName: participant.name,
        });
        return null;
      },
      log,
    );

    socket.on('disconnect', () => {
      const { roomId, participantId } = socket.data;
      if (!roomId || !participantId) return;
      if (presence.disconnect(roomId, participantId, socket.id)) deps.onDepart?.(participantId);
      void broadcast(roomId);
    });
  });
}
