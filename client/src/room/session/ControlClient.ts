import {
  type Ack,
  type CallSignalDelivery,
  ClientEvent,
  type ClientToServerEvents,
  type DocumentGrants,
  type InterviewerBrief,
  type JoinResult,
  type LobbyMatch,
  type LobbyStatus,
  type RoomState,
  type RoomSummary,
  ServerEvent,
  type ServerToClientEvents,
  type SimulationView,
  seatOf,
  type ViewFocused,
} from '@mockloop/shared';
import type { Socket } from 'socket.io-client';
import { Listeners } from '../../lib/Listeners';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Session =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'needs-name'; summary: RoomSummary; error?: string }
  | { status: 'joining'; summary: RoomSummary }
  /** `grants` are the documents of the round and seat they name; `join.documents` were the join's. */
  | { status: 'joined'; join: JoinResult; room: RoomState; grants: DocumentGrants }
  | { status: 'error'; message: string }
  /** Someone seated in it deleted the room (P-ROOM-7): nothing of it is left to show. */
  | { status: 'deleted' };

/** What the room page renders from: replaced as a whole on every change. */
export interface ControlSnapshot {
  session: Session;
  /** The control socket is connected (joined or about to re-join). */
  connected: boolean;
  /** The interviewer's brief, for the interviewer alone. */
  brief: InterviewerBrief | null;
  lobby: LobbyStatus | null;
  /** A solo room's simulated interviewer, as the server last described it (P-SIM-2). */
  simulation: SimulationView | null;
}

/** What this browser remembers per room (the hook passes `lib/storage`). */
export interface SessionMemory {
  secret(roomId: string): string | null;
  setSecret(roomId: string, secret: string): void;
  forgetSecret(roomId: string): void;
  setName(name: string): void;
  setMatched(roomId: string, match: { partner: string; role: string }): void;
  /** Question ids this browser has opened or played (P-SEEN-1), sent with every join. */
  seen(): string[];
  markSeen(questionId: string): void;
}

export interface ControlClientDeps {
  roomId: string;
  /** This browser tab's id: its document client ids derive from it (P-ID-3). */
  tab: string;
  /** Opens the control socket; not yet connected, or connecting. */
  openSocket(): ControlSocket;
  fetchRoom(roomId: string): Promise<RoomSummary | null>;
  memory: SessionMemory;
  /** The server's clock as a state or join reported it. */
  onServerTime(serverNow: number): void;
  /** The lobby matched this person again (after a no-show): go to that room. */
  onMatched(match: LobbyMatch): void;
  timing?: Partial<typeof DEFAULT_TIMING>;
}

export const DEFAULT_TIMING = {
  ackTimeoutMs: 8000,
  /** Between tries to load the room while the server is unreachable. */
  retryMs: 2000,
  /** Document tokens are refreshed this often, well before they expire (DOC_TOKEN_TTL_MS). */
  tokenRefreshMs: 20 * 60_000,
  /** How long a tab waits for pushed grants (P-CTL-6) before it asks for them. */
  grantWaitMs: 2000,
};

/**
 * The control-plane session of one room, without React: loads the room, joins with the stored
 * secret (or waits for a name), keeps the room state current (never going back, P-CTL-5), takes
 * the documents of each new round or seat as the server pushes them (P-CTL-6), refreshes their
 * tokens, and re-joins after every reconnect so a server restart or a network drop heals by itself.
 */
export class ControlClient {
  private snap: ControlSnapshot = {
    session: { status: 'loading' },
    connected: false,
    brief: null,
    lobby: null,
    simulation: null,
  };
  private readonly changes = new Listeners<[]>();
  /** Called after every successful join, the first and each one after a reconnect. */
  readonly joined = new Listeners<[]>();
  /** The interviewer brought the room to a view. */
  readonly viewFocused = new Listeners<[ViewFocused]>();
  /** A call signal for this page (P-CALL-2). */
  readonly callSignals = new Listeners<[CallSignalDelivery]>();
  private readonly timing: typeof DEFAULT_TIMING;
  private socket: ControlSocket | null = null;
  private summary: RoomSummary | null = null;
  private pendingName: string | undefined;
  /** Joined on the current connection: actions can go (false from a disconnect to the re-join). */
  private joinedNow = false;
  private stopped = false;
  /** Each start's own load: one left over from a stop (React's StrictMode remount) does nothing. */
  private starts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  /** A wait for pushed grants, ended by their arrival or by asking (P-CTL-6). */
  private grantWait: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: ControlClientDeps) {
    this.timing = { ...DEFAULT_TIMING, ...deps.timing };
  }

  get snapshot(): ControlSnapshot {
    return this.snap;
  }

  /** Calls `listener` after every change of the snapshot; returns an unsubscribe. */
  subscribe = (listener: () => void): (() => void) => this.changes.add(listener);

  /** The socket, when it is connected and joined: what actions may use at once. */
  get live(): ControlSocket | null {
    return this.socket?.connected && this.joinedNow ? this.socket : null;
  }

  /** The socket when connected, joined or not (the call and server runs ask on it directly). */
  get connectedSocket(): ControlSocket | null {
    return this.socket?.connected ? this.socket : null;
  }

  get ackTimeoutMs(): number {
    return this.timing.ackTimeoutMs;
  }

  /** Starts, or starts again after a stop: loads the room, joins, keeps the tokens fresh. */
  start(): void {
    this.stopped = false;
    void this.load(++this.starts);
    this.refreshTimer = setInterval(() => void this.refreshTokens(), this.timing.tokenRefreshMs);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.refreshTimer);
    clearTimeout(this.grantWait);
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Joins as a new participant with this name (the room asked for one). */
  joinWithName(name: string): void {
    if (!this.summary) return;
    this.pendingName = name;
    this.deps.memory.setName(name);
    this.update({ session: { status: 'joining', summary: this.summary } });
    this.connect();
  }

  /** Resolves once connected and joined: at once if so already, else when the re-join is done. */
  whenJoined(): Promise<void> {
    return new Promise((resolve) => {
      if (this.live) return resolve();
      const off = this.joined.add(() => {
        off();
        resolve();
      });
    });
  }

  /**
   * The documents this tab holds may be of a seat that is gone: waits for the grants the server
   * pushes after the room state, and asks for them if none come in time. One wait at a time.
   */
  expectGrants(): void {
    if (this.grantWait !== undefined || this.stopped) return;
    const before = this.currentGrants();
    this.grantWait = setTimeout(() => {
      this.grantWait = undefined;
      const now = this.snap.session;
      if (now.status !== 'joined') return;
      if (this.currentGrants() === before || grantsOutdated(now.room, now.grants, now.join.self.id)) {
        void this.askGrants();
      }
    }, this.timing.grantWaitMs);
  }

  private currentGrants(): DocumentGrants | null {
    return this.snap.session.status === 'joined' ? this.snap.session.grants : null;
  }

  /** Leaves the lobby's queue view (the lobby said this person left it). */
  clearLobby(): void {
    this.update({ lobby: null });
  }

  private update(change: Partial<ControlSnapshot>): void {
    // A question shown in a room is one this browser has played (P-SEEN-1).
    const shown = change.session?.status === 'joined' ? change.session.room.round.question?.id : undefined;
    if (shown) this.deps.memory.markSeen(shown);
    this.snap = { ...this.snap, ...change };
    this.changes.emit();
  }

  private async load(start: number): Promise<void> {
    const { roomId, memory } = this.deps;
    // A browser with a seat here opens its socket while the summary is on its way: the join
    // waits for both, and the handshake is off the path to the room (bench:page).
    if (memory.secret(roomId)) this.openSocket();
    let summary: RoomSummary | null;
    try {
      summary = await this.deps.fetchRoom(roomId);
    } catch (err) {
      if (this.stopped || start !== this.starts) return;
      // The server may be restarting: say so and keep trying rather than giving up.
      this.update({ session: { status: 'error', message: `${(err as Error).message} Retrying…` } });
      this.retryTimer = setTimeout(() => void this.load(start), this.timing.retryMs);
      return;
    }
    if (this.stopped || start !== this.starts) return;
    if (!summary) {
      this.socket?.disconnect();
      this.socket = null;
      return this.update({ session: { status: 'not-found' } });
    }
    this.summary = summary;
    if (memory.secret(roomId)) {
      this.update({ session: { status: 'joining', summary } });
      this.connect();
    } else {
      this.update({ session: { status: 'needs-name', summary } });
    }
  }

  /** Joins now if the socket is connected; otherwise its `connect` does. */
  private connect(): void {
    const socket = this.openSocket();
    if (socket.connected) void this.join();
  }

  private openSocket(): ControlSocket {
    if (this.socket) return this.socket;
    const socket = this.deps.openSocket();
    this.socket = socket;
    socket.on('connect', () => {
      this.update({ connected: true });
      void this.join();
    });
    socket.on('disconnect', () => {
      this.joinedNow = false;
      this.update({ connected: false });
    });
    socket.on(ServerEvent.RoomState, (room) => this.roomState(room));
    socket.on(ServerEvent.DocumentGrants, (grants) => this.takeGrants(grants));
    socket.on(ServerEvent.RoomDeleted, () => {
      this.deps.memory.forgetSecret(this.deps.roomId);
      socket.disconnect();
      this.update({ session: { status: 'deleted' } });
    });
    socket.on(ServerEvent.InterviewerBrief, (brief) => this.update({ brief }));
    socket.on(ServerEvent.LobbyStatus, (lobby) => this.update({ lobby }));
    socket.on(ServerEvent.SimulationState, (simulation) => this.update({ simulation }));
    socket.on(ServerEvent.ViewFocused, (focus) => this.viewFocused.emit(focus));
    socket.on(ServerEvent.CallSignal, (delivery) => this.callSignals.emit(delivery));
    socket.on(ServerEvent.LobbyMatched, (match) => {
      // Re-queued after a no-show and matched again: go to the new room.
      this.deps.memory.setSecret(match.roomId, match.secret);
      this.deps.memory.setMatched(match.roomId, { partner: match.partnerName, role: match.role });
      this.deps.onMatched(match);
    });
    if (!socket.connected) socket.connect();
    return socket;
  }

  private async join(): Promise<void> {
    const { socket, summary } = this;
    if (!socket || !summary) return;
    const { roomId, memory, tab } = this.deps;
    const secret = memory.secret(roomId) ?? undefined;
    let ack: Ack<JoinResult>;
    try {
      ack = await socket
        .timeout(this.timing.ackTimeoutMs)
        .emitWithAck(ClientEvent.Join, { roomId, secret, name: this.pendingName, tab, seen: memory.seen() });
    } catch {
      return; // no answer: the next 'connect' tries again
    }
    if (this.stopped) return;
    if (ack.ok) return this.joinedWith(ack.data);
    if (ack.error.code === 'NOT_FOUND') {
      this.update({ session: { status: 'not-found' } });
    } else if (ack.error.code === 'NOT_JOINED' || ack.error.code === 'BAD_REQUEST') {
      memory.forgetSecret(roomId);
      this.pendingName = undefined;
      this.update({
        session: { status: 'needs-name', summary, error: secret ? undefined : ack.error.message },
      });
    } else {
      this.update({ session: { status: 'error', message: ack.error.message } });
    }
  }

  private joinedWith(join: JoinResult): void {
    this.pendingName = undefined;
    this.deps.memory.setSecret(this.deps.roomId, join.secret);
    this.deps.onServerTime(join.room.serverNow);
    const grants: DocumentGrants = {
      round: join.room.round.number,
      role: seatOf(join.room.round, join.self.id),
      documents: join.documents,
    };
    // The ack's room state was read when the server took the join; a broadcast that left later
    // (a round ending meanwhile) may already be here: never go back to the older one (P-CTL-5).
    const before = this.snap.session;
    const stale = before.status === 'joined' && before.room.revision > join.room.revision;
    const room = stale ? before.room : join.room;
    this.update({ session: { status: 'joined', join, room, grants } });
    this.joinedNow = true;
    this.joined.emit();
    // The newer state is of another round or seat than the grants just received: the server
    // pushes those after its next broadcast (or is asked for them).
    if (grantsOutdated(room, grants, join.self.id)) this.expectGrants();
  }

  private roomState(room: RoomState): void {
    this.deps.onServerTime(room.serverNow);
    const current = this.snap.session;
    if (current.status !== 'joined') return;
    // Broadcasts can arrive out of order (several nodes, a re-join): never go back (P-CTL-5).
    if (room.revision < current.room.revision) return;
    const outdated = grantsOutdated(room, current.grants, current.join.self.id);
    // A new round or seat: the brief was of the old one; the new one follows the state.
    this.update({ session: { ...current, room }, ...(outdated ? { brief: null } : {}) });
    if (outdated) this.expectGrants();
  }

  /** Grants pushed after a state (P-CTL-6) or asked for: kept if they are of the state shown. */
  private takeGrants(grants: DocumentGrants): void {
    const current = this.snap.session;
    if (current.status !== 'joined' || grantsOutdated(current.room, grants, current.join.self.id)) return;
    this.update({ session: { ...current, grants } });
    clearTimeout(this.grantWait);
    this.grantWait = undefined;
  }

  /** Asks for this seat's documents now: pushed grants did not come (another node sent the state). */
  private async askGrants(): Promise<void> {
    const socket = this.live;
    if (!socket) return; // the re-join after the reconnect brings them
    const ack = await socket
      .timeout(this.timing.ackTimeoutMs)
      .emitWithAck(ClientEvent.RefreshDocuments, { tab: this.deps.tab })
      .catch(() => null);
    if (ack?.ok) this.takeGrants(ack.data);
  }

  /** Fresh document tokens before the old ones expire; the client ids stay (same tab). */
  private async refreshTokens(): Promise<void> {
    if (this.snap.session.status === 'joined') await this.askGrants();
  }
}

/** Whether grants are of another round, or another seat of this person, than a room state shows. */
export function grantsOutdated(room: RoomState, grants: DocumentGrants, selfId: string): boolean {
  return room.round.number !== grants.round || seatOf(room.round, selfId) !== grants.role;
}
