import {
  ClientEvent,
  type ClientToServerEvents,
  EmptyRequest,
  FocusViewRequest,
  JoinRequest,
  NextRoundRequest,
  PresenceUpdate,
  RefreshDocumentsRequest,
  RevealQuestionRequest,
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
import type { CallRegistry } from '../call/CallRegistry.js';
import type { IceSettings } from '../call/iceServers.js';
import { AppError } from '../common/AppError.js';
import type { InterviewService } from '../interview/InterviewService.js';
import type { RoundViews } from '../interview/RoundViews.js';
import type { SeenQuestions } from '../interview/SeenQuestions.js';
import { participantChannel } from '../lobby/LobbyService.js';
import { connectionLog } from '../logging/connectionLog.js';
import type { Logger } from '../logging/createLogger.js';
import { redact } from '../logging/redact.js';
import type { Presence } from '../rooms/Presence.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { RoundService } from '../rounds/RoundService.js';
import type { ParticipantRecord } from '../store/Store.js';
import { attachCallEvents } from './CallPlane.js';
import { onEvent } from './onEvent.js';
import { RoomBroadcaster } from './RoomBroadcaster.js';
import { attachRunEvents, type RunPlaneDeps } from './RunPlane.js';

/** Who a socket speaks for: set only by a successful join. The record is re-read on every event. */
export interface SocketData {
  roomId?: string;
  participantId?: string;
  /** Set once the socket entered the lobby: it has a reason to stay connected without a room. */
  inLobby?: boolean;
  /** The browser tab's id from its join: its document client ids derive from it. */
  tab?: string;
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

export interface ControlDeps {
  rooms: RoomService;
  interview: InterviewService;
  /** What everyone sees of the rounds, for `room:state`. */
  views: RoundViews;
  rounds: RoundService;
  presence: Presence;
  /** Who is in each room's call. */
  calls: CallRegistry;
  /** ICE servers and TURN credentials for the call. */
  ice: IceSettings;
  /** Server runs (Java, C++, Go, Python + numpy), when this node offers them. */
  runs?: Omit<RunPlaneDeps, 'participantNow' | 'log'>;
  /** Called when a participant arrives in a room (the lobby waits for both of a match). */
  onArrive?: (participant: ParticipantRecord) => void;
  /** Called when a participant's last connection to a room closes. */
  onDepart?: (participantId: string) => void;
  /** Called on every join and room event (room expiry counts from the last). */
  onActivity?: (roomId: string) => void;
  /** What each person's browser has seen (P-SEEN-1), kept from their joins for the brief. */
  seen?: SeenQuestions;
  log: Logger;
}

/**
 * The room's control plane over Socket.IO: join, presence, settings, the interviewer console,
 * the clock, role swap and feedback. Every payload is parsed at the edge by onEvent; every
 * permission is checked against the participant's seat as stored now, not as it was at join.
 */
export function attachControlPlane(io: ControlServer, deps: ControlDeps): void {
  const { rooms, interview, views, rounds, presence, calls } = deps;

  const fullState = async (roomId: string): Promise<RoomState> => {
    const { state, plan } = await rooms.roomState(roomId);
    return {
      ...state,
      call: calls.members(roomId),
      ...(await views.roundsState(roomId, plan)),
      serverNow: Date.now(),
    };
  };

  /**
   * Sends the room state to everyone, and the brief to the sockets of the participant who holds
   * the interviewer seat now, read from the store at send time (P-PRIV-2): no socket keeps a
   * right to it from an earlier seat.
   */
  const send = async (roomId: string, brief: boolean) => {
    try {
      io.to(roomChannel(roomId)).emit(ServerEvent.RoomState, await fullState(roomId));
      if (brief) {
        const { interviewerId, brief: data } = await interview.interviewerBrief(roomId);
        if (interviewerId) io.to(participantChannel(interviewerId)).emit(ServerEvent.InterviewerBrief, data);
      }
    } catch (err) {
      deps.log.error({ err, room: redact(roomId) }, 'room broadcast failed');
    }
  };
  // However many events a room gets, its state goes out at most once per 50 ms (P-CTL-3).
  const broadcaster = new RoomBroadcaster(send);
  const broadcast = (roomId: string, { brief = false } = {}) => broadcaster.request(roomId, brief);

  /** A participant's last connection here closed: once nobody of the room is left, forget its call ids. */
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

    /** A room event: validated, run as the participant, then the room (and brief) re-broadcast. */
    const roomEvent = <S extends z.ZodType>(
      event: string,
      schema: S,
      run: (participant: ParticipantRecord, payload: z.infer<S>) => Promise<unknown>,
      after: { brief?: boolean } = {},
    ) =>
      onEvent(
        socket,
        event,
        schema,
        async (payload) => {
          const participant = await participantNow();
          deps.onActivity?.(participant.roomId);
          await run(participant, payload);
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
        const previousParticipant = socket.data.participantId;
        if (previousRoom && previousParticipant && previousParticipant !== participant.id) {
          presence.disconnect(previousRoom, previousParticipant, socket.id);
          calls.leave(previousRoom, previousParticipant, socket.id);
          departed(previousRoom);
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
        const room = await fullState(participant.roomId);
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
        socket.data.tab = req.tab;
        return {
          self: rooms.view(participant),
          secret,
          room,
          documents: rooms.docAccess(participant, room.round, req.tab),
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
      (p, { questionId, author }) => interview.selectQuestion(p, questionId, author),
      { brief: true },
    );
    roomEvent(
      ClientEvent.RevealQuestion,
      RevealQuestionRequest,
      (p, req) => interview.revealQuestion(p, req.part),
      {
        brief: true,
      },
    );
    roomEvent(ClientEvent.RevealHint, EmptyRequest, (p) => interview.revealHint(p), { brief: true });
    roomEvent(ClientEvent.Timer, TimerCommand, (p, command) => rounds.controlTimer(p, command));
    roomEvent(ClientEvent.ProposeSwap, EmptyRequest, (p) => rounds.proposeSwap(p), { brief: true });
    roomEvent(ClientEvent.RespondSwap, SwapResponse, (p, { accept }) => rounds.respondSwap(p, accept), {
      brief: true,
    });
    roomEvent(ClientEvent.EndRound, EmptyRequest, (p) => rounds.endRound(p));
    roomEvent(ClientEvent.NextRound, NextRoundRequest, (p, req) => rounds.nextRound(p, req), { brief: true });
    roomEvent(ClientEvent.SubmitScorecard, ScorecardInput, (p, input) => rounds.submitScorecard(p, input));
    roomEvent(ClientEvent.SubmitSelfAssessment, SelfAssessmentInput, (p, input) =>
      rounds.submitSelfAssessment(p, input),
    );

    // Fresh tokens (same client ids) for the current round's documents, before the old expire.
    onEvent(
      socket,
      ClientEvent.RefreshDocuments,
      RefreshDocumentsRequest,
      async ({ tab }) => {
        const participant = await participantNow();
        const round = await views.roundView(participant.roomId);
        return rooms.docAccess(participant, round, tab ?? socket.data.tab);
      },
      log,
    );

    // The interviewer brings the whole room to one view (P-VIEW-1). A command, not state: nothing
    // is stored and the room state is not re-sent; each person can switch away again.
    onEvent(
      socket,
      ClientEvent.FocusView,
      FocusViewRequest,
      async ({ view }) => {
        const participant = await participantNow();
        // The seat as it is now, not as it was when the participant was read (P-SEAT-1).
        if (!(await rooms.isCurrentInterviewer(participant))) {
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

    attachCallEvents(socket, { io, calls, rooms, ice: deps.ice, participantNow, broadcast, log });
    if (deps.runs) attachRunEvents(socket, { ...deps.runs, participantNow, log });

    socket.on('disconnect', () => {
      const { roomId, participantId } = socket.data;
      if (!roomId || !participantId) return;
      calls.leave(roomId, participantId, socket.id);
      if (presence.disconnect(roomId, participantId, socket.id)) deps.onDepart?.(participantId);
      departed(roomId);
      void broadcast(roomId);
    });
  });
}
