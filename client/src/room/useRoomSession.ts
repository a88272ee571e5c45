import {
  type Ack,
  type CallConfig,
  type CallMedia,
  type CallSignal,
  type CallSignalDelivery,
  ClientEvent,
  type ClientToServerEvents,
  type InterviewerBrief,
  type JoinResult,
  type Language,
  type LobbyStatus,
  type NextRoundRequest,
  OWN_QUESTION_PREFIX,
  ROUTES,
  type RoomState,
  type RoomSummary,
  type ScorecardInput,
  type SelfAssessmentInput,
  ServerEvent,
  type ServerRunProgress,
  type ServerToClientEvents,
  type TimerCommand,
  type ViewFocused,
  type WorkspaceView,
} from '@mockloop/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { navigate } from '../app/router';
import { UNCONFIRMED } from '../lib/actionScope';
import { fetchRoom } from '../lib/api';
import { clock } from '../lib/serverClock';
import { storage } from '../lib/storage';
import { TAB_ID } from '../lib/tabId';
import type { ServerRunChannel } from '../runner/serverRuns';
import { ACTION_NAMES, type ActionEvent, staleReason } from './offline/queuedActions';

type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Session =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'needs-name'; summary: RoomSummary; error?: string }
  | { status: 'joining'; summary: RoomSummary }
  | { status: 'joined'; join: JoinResult; room: RoomState }
  | { status: 'error'; message: string }
  /** Someone seated in it deleted the room (P-ROOM-7): nothing of it is left to show. */
  | { status: 'deleted' };

const ACK_TIMEOUT_MS = 8000;

/** What the room's controls can do; each resolves with an error message, or null on success. */
export interface RoomActions {
  setLanguage(language: Language): Promise<string | null>;
  setAway(away: boolean): void;
  selectQuestion(questionId: string): Promise<string | null>;
  /** All of the question, or its prompt first (`'prompt'`) and the rest later. */
  revealQuestion(part?: 'prompt'): Promise<string | null>;
  revealHint(): Promise<string | null>;
  timer(command: TimerCommand): Promise<string | null>;
  proposeSwap(): Promise<string | null>;
  respondSwap(accept: boolean): Promise<string | null>;
  endRound(): Promise<string | null>;
  /** The ended round's interviewer opens the next round (P-LOOP-2). */
  nextRound(request: NextRoundRequest): Promise<string | null>;
  submitScorecard(input: ScorecardInput): Promise<string | null>;
  submitSelfAssessment(input: SelfAssessmentInput): Promise<string | null>;
  leaveLobby(): Promise<string | null>;
  /** Interviewer: bring everyone in the room to this view. */
  focusView(view: WorkspaceView): Promise<string | null>;
  /** Calls `listener` whenever the interviewer brings the room to a view; returns an unsubscribe. */
  onViewFocused(listener: (focus: ViewFocused) => void): () => void;
  /** Joins again for this seat's current documents (after the server said the seat changed). */
  rejoin(): void;
  /** The call's signalling over this session's socket. */
  call: CallChannel;
  /** Server runs (Java, C++, Go, Python + numpy) over this session's socket. */
  serverRuns: ServerRunChannel;
}

/** What the call needs of the control socket (P-CALL-1..4). */
export interface CallChannel {
  /** Enters the call from this page: the ICE configuration, or an error message. */
  join(endpoint: string, media: CallMedia): Promise<CallConfig | string>;
  /** Fresh ICE configuration (TURN credentials) for this page in the call, or an error message. */
  ice(): Promise<CallConfig | string>;
  media(media: CallMedia): Promise<string | null>;
  leave(): Promise<string | null>;
  /** Fire and forget: a signal the server refuses is logged, and negotiation recovers. */
  signal(to: string, signal: CallSignal): void;
  onSignal(listener: (delivery: CallSignalDelivery) => void): () => void;
  /** Called after every successful join, the first and each one after a reconnect. */
  onJoined(listener: () => void): () => void;
}
const RETRY_MS = 2000;

/** Whether a room state is of another round, or gives this person another seat, than a join's grants. */
function grantsOutdated(room: RoomState, join: JoinResult): boolean {
  const me = room.participants.find((p) => p.id === join.self.id);
  return room.round.number !== join.room.round.number || (me !== undefined && me.role !== join.self.role);
}
/** Document tokens are refreshed this often, well before they expire (DOC_TOKEN_TTL_MS). */
const TOKEN_REFRESH_MS = 20 * 60_000;

/**
 * The control-plane session of one room: loads the room, joins with the stored secret (or asks
 * for a name), keeps the room state current, and re-joins after every reconnect so a server
 * restart or a network drop heals by itself.
 */
export function useRoomSession(roomId: string) {
  const [session, setSessionState] = useState<Session>({ status: 'loading' });
  const sessionRef = useRef<Session>(session);
  /** Keeps a ref in step so socket handlers read the latest session without re-subscribing. */
  const setSession = useCallback((next: Session) => {
    sessionRef.current = next;
    setSessionState(next);
    // A question shown in a room is one this browser has played (P-SEEN-1).
    const shown = 'room' in next ? next.room.round.question?.id : undefined;
    if (shown) storage.markSeen(shown);
  }, []);
  const [connected, setConnected] = useState(false);
  const [brief, setBrief] = useState<InterviewerBrief | null>(null);
  const [lobby, setLobby] = useState<LobbyStatus | null>(null);
  const socketRef = useRef<ControlSocket | null>(null);
  const pendingName = useRef<string | undefined>(undefined);
  const summaryRef = useRef<RoomSummary | null>(null);
  const viewListeners = useRef(new Set<(focus: ViewFocused) => void>());
  const signalListeners = useRef(new Set<(delivery: CallSignalDelivery) => void>());
  const joinedListeners = useRef(new Set<() => void>());
  /** Joined on the current connection: actions can go (false from a disconnect to the re-join). */
  const joinedNow = useRef(false);
  /** Actions clicked during an outage, waiting for the re-join (named for the outage banner). */
  const [waiting, setWaiting] = useState<Array<{ id: number; name: string }>>([]);
  /** Actions that waited and then could not go (the round moved on): said once, then dismissed. */
  const [notSent, setNotSent] = useState<string[]>([]);
  const nextWaitId = useRef(0);

  const join = useCallback(async () => {
    const socket = socketRef.current;
    const summary = summaryRef.current;
    if (!socket || !summary) return;
    const secret = storage.secret(roomId) ?? undefined;
    let ack: Ack<JoinResult>;
    try {
      ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.Join, {
        roomId,
        secret,
        name: pendingName.current,
        tab: TAB_ID,
        seen: storage.seen(),
      });
    } catch {
      return; // no answer: the next 'connect' tries again
    }
    if (ack.ok) {
      pendingName.current = undefined;
      storage.setSecret(roomId, ack.data.secret);
      clock.sync(ack.data.room.serverNow);
      // The ack's room state was read when the server took the join; a broadcast that left later
      // (a round ending meanwhile) may already be here: never go back to the older one (P-CTL-5).
      const before = sessionRef.current;
      const stale = before.status === 'joined' && before.room.revision > ack.data.room.revision;
      const room = stale ? before.room : ack.data.room;
      setSession({ status: 'joined', join: ack.data, room });
      joinedNow.current = true;
      for (const listener of [...joinedListeners.current]) listener();
      // The newer state is of another round or seat than the grants just received: fetch those.
      if (stale && grantsOutdated(room, ack.data)) void join();
      return;
    }
    if (ack.error.code === 'NOT_FOUND') {
      setSession({ status: 'not-found' });
    } else if (ack.error.code === 'NOT_JOINED' || ack.error.code === 'BAD_REQUEST') {
      storage.forgetSecret(roomId);
      pendingName.current = undefined;
      setSession({ status: 'needs-name', summary, error: secret ? undefined : ack.error.message });
    } else {
      setSession({ status: 'error', message: ack.error.message });
    }
  }, [roomId, setSession]);

  const connect = useCallback(() => {
    if (socketRef.current) {
      void join();
      return;
    }
    // WebSocket only: no long-polling fallback, so no sticky sessions are needed behind a balancer.
    // The room id in the query lets the balancer send it to the node that serves the room's
    // documents (P-NODE-2).
    const socket: ControlSocket = io({ transports: ['websocket'], query: { room: roomId } });
    socketRef.current = socket;
    socket.on('connect', () => {
      setConnected(true);
      void join();
    });
    socket.on('disconnect', () => {
      joinedNow.current = false;
      setConnected(false);
    });
    socket.on(ServerEvent.RoomState, (room) => {
      clock.sync(room.serverNow);
      const current = sessionRef.current;
      if (current.status !== 'joined') return;
      // Broadcasts can arrive out of order (several nodes, a re-join): never go back (P-CTL-5).
      if (room.revision < current.room.revision) return;
      setSession({ ...current, room });
      // A new round or a new seat (role swap) means new document tokens: join again for them.
      if (grantsOutdated(room, current.join)) {
        setBrief(null);
        void join();
      }
    });
    socket.on(ServerEvent.RoomDeleted, () => {
      storage.forgetSecret(roomId);
      socket.disconnect();
      setSession({ status: 'deleted' });
    });
    socket.on(ServerEvent.InterviewerBrief, setBrief);
    socket.on(ServerEvent.LobbyStatus, setLobby);
    socket.on(ServerEvent.ViewFocused, (focus) => {
      for (const listener of viewListeners.current) listener(focus);
    });
    socket.on(ServerEvent.CallSignal, (delivery) => {
      for (const listener of signalListeners.current) listener(delivery);
    });
    socket.on(ServerEvent.LobbyMatched, (match) => {
      // Re-queued after a no-show and matched again: go to the new room.
      storage.setSecret(match.roomId, match.secret);
      storage.setMatched(match.roomId, { partner: match.partnerName, role: match.role });
      navigate(ROUTES.room(match.roomId));
    });
  }, [join, roomId, setSession]);

  useEffect(() => {
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchRoom(roomId).then(
        (summary) => {
          if (cancelled) return;
          if (!summary) {
            setSession({ status: 'not-found' });
            return;
          }
          summaryRef.current = summary;
          if (storage.secret(roomId)) {
            setSession({ status: 'joining', summary });
            connect();
          } else {
            setSession({ status: 'needs-name', summary });
          }
        },
        (err: Error) => {
          if (cancelled) return;
          // The server may be restarting: say so and keep trying rather than giving up.
          setSession({ status: 'error', message: `${err.message} Retrying…` });
          retry = setTimeout(load, RETRY_MS);
        },
      );
    void load();
    return () => {
      cancelled = true;
      clearTimeout(retry);
      socketRef.current?.disconnect();
      socketRef.current = null;
    };
  }, [
    roomId,
    connect, // The server may be restarting: say so and keep trying rather than giving up.
    setSession,
  ]);

  // Fresh document tokens before the old ones expire; the client ids stay (same tab).
  useEffect(() => {
    const refresh = setInterval(async () => {
      const socket = socketRef.current;
      const current = sessionRef.current;
      if (!socket?.connected || current.status !== 'joined') return;
      const ack = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck(ClientEvent.RefreshDocuments, { tab: TAB_ID })
        .catch(() => null);
      const now = sessionRef.current;
      if (!ack?.ok || now.status !== 'joined' || now.join.documents.code.name !== ack.data.code.name) return;
      setSession({ ...now, join: { ...now.join, documents: ack.data } });
    }, TOKEN_REFRESH_MS);
    return () => clearInterval(refresh);
  }, [setSession]);

  const joinWithName = useCallback(
    (name: string) => {
      const summary = summaryRef.current;
      if (!summary) return;
      pendingName.current = name;
      storage.setName(name);
      setSession({ status: 'joining', summary });
      connect();
    },
    [connect, setSession],
  );

  /** Resolves once connected and joined: at once if so already, else when the re-join is done. */
  const whenJoined = useCallback(
    () =>
      new Promise<void>((resolve) => {
        if (socketRef.current?.connected && joinedNow.current) return resolve();
        const onJoined = () => {
          joinedListeners.current.delete(onJoined);
          resolve();
        };
        joinedListeners.current.add(onJoined);
      }),
    [],
  );

  /**
   * Sends an acknowledged event; resolves with an error message, or null on success. Clicked
   * during an outage, it waits (however long) for the connection and the re-join and goes then,
   * as the outage banner promises, unless the round or the seat it was clicked in has gone by
   * then (staleReason): then it is not sent, and the room says so.
   */
  const send = useCallback(
    async <E extends ActionEvent>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]) => {
      const before = sessionRef.current;
      const seatOf = (s: Session) =>
        s.status === 'joined'
          ? {
              round: s.room.round.number,
              ended: s.room.round.endedAt !== null,
              role: s.room.participants.find((p) => p.id === s.join.self.id)?.role ?? s.join.self.role,
            }
          : null;
      const clicked = seatOf(before);
      let socket = socketRef.current;
      if (!socket?.connected || !joinedNow.current) {
        const id = nextWaitId.current++;
        setWaiting((list) => [...list, { id, name: ACTION_NAMES[event] }]);
        // A connection that drops again between the re-join and the emit waits once more.
        do await whenJoined();
        while (!socketRef.current?.connected);
        setWaiting((list) => list.filter((w) => w.id !== id));
        socket = socketRef.current as ControlSocket;
        const now = seatOf(sessionRef.current);
        const stale = clicked && now ? staleReason(event, clicked, now) : null;
        if (stale) {
          setNotSent((list) => [...list, stale]);
          return stale;
        }
      }
      if (!socket) return 'Not connected to the server.';
      try {
        const timed = socket.timeout(ACK_TIMEOUT_MS);
        const emit = timed.emitWithAck.bind(timed) as (e: E, p: unknown) => Promise<Ack<null>>;
        const ack = await emit(event, payload);
        return ack.ok ? null : ack.error.message;
      } catch {
        // It went out; whether the server applied it before the drop is not known.
        return socket.connected && joinedNow.current ? 'The server did not answer; try again.' : UNCONFIRMED;
      }
    },
    [whenJoined],
  );

  const setLanguage = useCallback(
    (language: Language) => send(ClientEvent.SetLanguage, { language }),
    [send],
  );

  const setAway = useCallback((away: boolean) => {
    socketRef.current?.emit(ClientEvent.Presence, { away }, () => {});
  }, []);

  const call: CallChannel = useMemo(
    () => ({
      async join(endpoint, media) {
        const socket = socketRef.current;
        if (!socket?.connected) return 'Not connected to the server; wait for it to reconnect.';
        try {
          const ack = await socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck(ClientEvent.CallJoin, { endpoint, media });
          return ack.ok ? ack.data : ack.error.message;
        } catch {
          return 'The server did not answer; try again.';
        }
      },
      async ice() {
        const socket = socketRef.current;
        if (!socket?.connected) return 'Not connected to the server; wait for it to reconnect.';
        try {
          const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.CallIce, {});
          return ack.ok ? ack.data : ack.error.message;
        } catch {
          return 'The server did not answer; try again.';
        }
      },
      media: (media) => send(ClientEvent.CallMedia, media),
      leave: () => send(ClientEvent.CallLeave, {}),
      signal(to, signal) {
        socketRef.current?.emit(ClientEvent.CallSignal, { to, signal }, (ack) => {
          if (!ack.ok) console.warn(`[call] signal refused: ${ack.error.message}`);
        });
      },
      onSignal(listener) {
        signalListeners.current.add(listener);
        return () => {
          signalListeners.current.delete(listener);
        };
      },
      onJoined(listener) {
        joinedListeners.current.add(listener);
        return () => {
          joinedListeners.current.delete(listener);
        };
      },
    }),
    [send],
  );

  const serverRuns: ServerRunChannel = useMemo(
    () => ({
      async request(payload, onProgress) {
        const socket = socketRef.current;
        if (!socket?.connected) return 'Not connected to the server; wait for it to reconnect.';
        const listen = (progress: ServerRunProgress) => onProgress(progress);
        socket.on(ServerEvent.RunProgress, listen);
        try {
          // No timeout of ours: the server bounds the wait in line, the compile and the run.
          return await socket.emitWithAck(ClientEvent.RunRequest, payload);
        } catch {
          return 'The server did not answer; try again.';
        } finally {
          socket.off(ServerEvent.RunProgress, listen);
        }
      },
      async languages() {
        const socket = socketRef.current;
        if (!socket?.connected) return null;
        try {
          const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.RunLanguages, {});
          return ack.ok ? ack.data : null;
        } catch {
          return null;
        }
      },
    }),
    [],
  );

  const actions: RoomActions = {
    call,
    serverRuns,
    setLanguage,
    setAway,
    selectQuestion: useCallback(
      (questionId: string) =>
        send(
          ClientEvent.SelectQuestion,
          // One of My questions goes with this browser's author secret (P-MYQ-6).
          questionId.startsWith(OWN_QUESTION_PREFIX)
            ? { questionId, author: storage.author() }
            : { questionId },
        ),
      [send],
    ),
    revealQuestion: useCallback(
      (part?: 'prompt') => send(ClientEvent.RevealQuestion, part ? { part } : {}),
      [send],
    ),
    revealHint: useCallback(() => send(ClientEvent.RevealHint, {}), [send]),
    timer: useCallback((command: TimerCommand) => send(ClientEvent.Timer, command), [send]),
    proposeSwap: useCallback(() => send(ClientEvent.ProposeSwap, {}), [send]),
    respondSwap: useCallback((accept: boolean) => send(ClientEvent.RespondSwap, { accept }), [send]),
    endRound: useCallback(() => send(ClientEvent.EndRound, {}), [send]),
    nextRound: useCallback((request: NextRoundRequest) => send(ClientEvent.NextRound, request), [send]),
    submitScorecard: useCallback((input: ScorecardInput) => send(ClientEvent.SubmitScorecard, input), [send]),
    submitSelfAssessment: useCallback(
      (input: SelfAssessmentInput) => send(ClientEvent.SubmitSelfAssessment, input),
      [send],
    ),
    focusView: useCallback((view: WorkspaceView) => send(ClientEvent.FocusView, { view }), [send]),
    onViewFocused: useCallback((listener: (focus: ViewFocused) => void) => {
      viewListeners.current.add(listener);
      return () => {
        viewListeners.current.delete(listener);
      };
    }, []),
    rejoin: useCallback(() => {
      void join();
    }, [join]),
    leaveLobby: useCallback(async () => {
      const problem = await send(ClientEvent.LobbyLeave, {});
      if (!problem) setLobby(null);
      return problem;
    }, [send]),
  };

  const offline = {
    waiting: waiting.map((w) => w.name),
    notSent,
    dismissNotSent: useCallback(() => setNotSent([]), []),
  };

  return { session, connected, brief, lobby, joinWithName, actions, offline };
}
