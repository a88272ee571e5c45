import {
  type CallConfig,
  type CallMedia,
  type CallMember,
  type CallSignalDelivery,
  ROUTES,
  type Role,
} from '@mockloop/shared';
import { TAB_ID } from '../lib/tabId';
import type { CallChannel } from './CallChannel';
import { ICE_RETRY_MS, iceRefreshDelay } from './iceRefresh';
import { type DeviceChoice, listDevices, openTrack } from './localMedia';
import { type LinkState, PeerLink } from './PeerLink';
import { currentPageLoad, REJOIN_OFFER, rejoinDecision } from './rejoinDecision';

/**
 * This page's endpoint in the call: new on every page load, the same across reconnects, so a
 * server restart does not end a peer connection.
 */
const ENDPOINT = TAB_ID;

/** A peer missing from the room state this long (while we are connected) has left. */
const ABSENT_GRACE_MS = 8000;

export interface CallPeer {
  participantId: string;
  endpoint: string;
  media: CallMedia;
  stream: MediaStream;
  state: LinkState;
}

export type CallStatus =
  | { kind: 'off' }
  | { kind: 'joining' }
  | { kind: 'waiting' }
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'failed'; reason: string };

export interface CallSnapshot {
  inCall: boolean;
  status: CallStatus;
  /** This page's own camera (for the preview) and what it sends. */
  local: { stream: MediaStream; media: CallMedia };
  peers: CallPeer[];
  devices: { audio: MediaDeviceInfo[]; video: MediaDeviceInfo[]; chosen: DeviceChoice };
  /** The last device problem, in a plain sentence (permission, no device, device in use). */
  problem: string | null;
  /** Whether this person may send (a seat) or only listen and watch (an observer). */
  sends: boolean;
  /** The call moved to another page of the same person. */
  movedAway: boolean;
}

const storageKey = (roomId: string) => `mockloop:call:${roomId}`;

/** Remembered per tab, so a refresh rejoins the call with the same microphone and camera. */
function remembered(roomId: string): CallMedia | null {
  try {
    const raw = sessionStorage.getItem(storageKey(roomId));
    const parsed = raw ? (JSON.parse(raw) as CallMedia) : null;
    return parsed && typeof parsed.audio === 'boolean' && typeof parsed.video === 'boolean' ? parsed : null;
  } catch {
    return null;
  }
}
function remember(roomId: string, media: CallMedia | null): void {
  try {
    if (media) sessionStorage.setItem(storageKey(roomId), JSON.stringify(media));
    else sessionStorage.removeItem(storageKey(roomId));
  } catch {
    // storage can be disabled; the call then does not rejoin by itself after a refresh
  }
}

/**
 * The call as one page takes part in it: local media, one PeerLink per other endpoint it may
 * connect to (seats with everyone in the call, observers with the seats only), and a snapshot
 * for the UI. Signalling goes over the room's control socket; media goes peer to peer.
 */
export class CallSession {
  private snapshot: CallSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly links = new Map<string, PeerLink>();
  private readonly absentSince = new Map<string, number>();
  /**
   * Endpoints that said goodbye. The room state that drops them can come a moment after the bye,
   * and until it does they must not be dialled again (that left a "Connecting…" link behind).
   */
  private readonly farewells = new Set<string>();
  private readonly tracks: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null } = {
    audio: null,
    video: null,
  };
  private wanted: CallMedia = { audio: true, video: true };
  private config: CallConfig | null = null;
  private members: CallMember[] = [];
  private role: Role = 'observer';
  private connected = false;
  private connectedSince = 0;
  private roles = new Map<string, Role>();
  private joining = false;
  /** Renews the TURN credentials before they expire (P-CALL-6). */
  private iceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: Array<() => void>;
  private readonly sweep: ReturnType<typeof setInterval>;

  constructor(
    private readonly roomId: string,
    private readonly selfId: string,
    private readonly channel: CallChannel,
  ) {
    this.snapshot = {
      inCall: false,
      status: { kind: 'off' },
      local: { stream: new MediaStream(), media: { audio: false, video: false } },
      peers: [],
      devices: { audio: [], video: [], chosen: {} },
      problem: null,
      sends: false,
      movedAway: false,
    };
    this.unsubscribe = [
      channel.onSignal((delivery) => this.onSignal(delivery)),
      // After a reconnect (a server restart, say) the server has forgotten the call: tell it again.
      channel.onJoined(() => {
        if (this.snapshot.inCall) void this.announce();
      }),
    ];
    this.sweep = setInterval(() => this.reconcile(), 1000);
    window.addEventListener('pagehide', this.sayBye);
    const rejoin = remembered(roomId);
    const decision = rejoinDecision(rejoin !== null, currentPageLoad(), ROUTES.room(roomId));
    if (rejoin) this.wanted = rejoin;
    if (decision === 'rejoin') this.snapshot = { ...this.snapshot, status: { kind: 'joining' } };
    if (decision === 'ask') {
      remember(roomId, null);
      this.snapshot = { ...this.snapshot, problem: REJOIN_OFFER };
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallSnapshot => this.snapshot;

  /**
   * The room as it is now: the call list, everyone's role (observers connect to seats only),
   * this person's role, and whether the control socket is up.
   */
  update({
    members,
    roles,
    connected,
  }: {
    members: CallMember[];
    roles: Map<string, Role>;
    connected: boolean;
  }): void {
    const role = roles.get(this.selfId) ?? 'observer';
    this.roles = roles;
    const firstConnect = connected && !this.connected;
    if (firstConnect) this.connectedSince = Date.now();
    this.connected = connected;
    this.members = members;
    const roleChanged = role !== this.role;
    this.role = role;
    if (roleChanged) this.snapshot = { ...this.snapshot, sends: role !== 'observer' };
    if (roleChanged && this.snapshot.inCall) this.applyTracks();
    // A refresh with the call on: join again as soon as the room is joined.
    if (this.snapshot.status.kind === 'joining' && !this.snapshot.inCall && connected && !this.joining) {
      void this.join();
    }
    this.reconcile();
  }

  /** Opens the devices this person may send from and enters the call. */
  async join(): Promise<void> {
    if (this.joining) return;
    this.joining = true;
    this.set({ status: { kind: 'joining' }, problem: null, movedAway: false });
    try {
      if (this.role !== 'observer') await this.openDevices();
      const answer = await this.channel.join(ENDPOINT, this.media());
      if (typeof answer === 'string') {
        this.stopTracks();
        this.set({ status: { kind: 'failed', reason: answer } });
        return;
      }
      this.takeConfig(answer);
      remember(this.roomId, this.wanted);
      this.set({ inCall: true });
      this.reconcile();
      void this.refreshDevices();
    } finally {
      this.joining = false;
    }
  }

  async leave(): Promise<void> {
    remember(this.roomId, null);
    for (const link of this.links.values()) {
      this.channel.signal(link.endpoint, { bye: true });
      link.close();
    }
    this.links.clear();
    this.stopTracks();
    this.stopIceRefresh();
    this.set({ inCall: false, status: { kind: 'off' }, peers: [] });
    await this.channel.leave();
  }

  async toggle(kind: 'audio' | 'video'): Promise<void> {
    this.wanted = { ...this.wanted, [kind]: !this.wanted[kind] };
    if (this.wanted[kind] && !this.tracks[kind]) await this.openKind(kind);
    if (!this.wanted[kind] && kind === 'video') {
      // Camera off releases the camera (its light goes out); a muted microphone stays open.
      this.tracks.video?.stop();
      this.tracks.video = null;
    }
    this.afterMediaChange();
  }

  async pickDevice(kind: 'audio' | 'video', deviceId: string): Promise<void> {
    this.set({
      devices: { ...this.snapshot.devices, chosen: { ...this.snapshot.devices.chosen, [kind]: deviceId } },
    });
    if (!this.snapshot.inCall || !this.wanted[kind]) return;
    this.tracks[kind]?.stop();
    this.tracks[kind] = null;
    await this.openKind(kind);
    this.afterMediaChange();
  }

  /** A page going away (refresh, tab closed) tells its peers at once instead of going silent. */
  private readonly sayBye = (): void => {
    for (const link of this.links.values()) this.channel.signal(link.endpoint, { bye: true });
  };

  destroy(): void {
    window.removeEventListener('pagehide', this.sayBye);
    clearInterval(this.sweep);
    this.stopIceRefresh();
    for (const off of this.unsubscribe) off();
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.stopTracks();
  }

  private afterMediaChange(): void {
    this.applyTracks();
    if (this.snapshot.inCall) {
      remember(this.roomId, this.wanted);
      void this.channel.media(this.media());
    }
  }

  /** What this page sends now: a wanted kind with an open device. */
  private media(): CallMedia {
    if (this.role === 'observer') return { audio: false, video: false };
    return {
      audio: this.wanted.audio && !!this.tracks.audio,
      video: this.wanted.video && !!this.tracks.video,
    };
  }

  private async openDevices(): Promise<void> {
    const kinds = (['audio', 'video'] as const).filter((k) => this.wanted[k] && !this.tracks[k]);
    await Promise.all(kinds.map((kind) => this.openKind(kind)));
    this.applyTracks();
  }

  private async openKind(kind: 'audio' | 'video'): Promise<void> {
    const { track, problem } = await openTrack(kind, this.snapshot.devices.chosen[kind]);
    if (problem) {
      this.wanted = { ...this.wanted, [kind]: false };
      this.set({ problem });
      return;
    }
    this.tracks[kind] = track;
    this.set({ problem: null });
    void this.refreshDevices();
  }

  /** Hands each link the tracks it should send (none for an observer), and updates the preview. */
  private applyTracks(): void {
    const media = this.media();
    const audio = media.audio ? this.tracks.audio : null;
    const video = media.video ? this.tracks.video : null;
    for (const link of this.links.values()) {
      link.setTrack('audio', audio);
      link.setTrack('video', video);
    }
    // The preview plays muted; its audio is there for the speaking ring.
    const preview = new MediaStream([video, audio].filter((t): t is MediaStreamTrack => t !== null));
    this.set({ local: { stream: preview, media } });
  }

  private stopTracks(): void {
    for (const kind of ['audio', 'video'] as const) {
      this.tracks[kind]?.stop();
      this.tracks[kind] = null;
    }
    this.set({ local: { stream: new MediaStream(), media: { audio: false, video: false } } });
  }

  private async announce(): Promise<void> {
    const answer = await this.channel.join(ENDPOINT, this.media());
    if (typeof answer !== 'string') this.takeConfig(answer);
  }

  /**
   * Takes an ICE configuration from the server. A renewed one goes to the open links too, which
   * restart ICE when it has TURN: an allocation made with the old credentials could not be
   * refreshed once they expire, so the relay would drop the call.
   */
  private takeConfig(config: CallConfig): void {
    const renewed = this.config !== null;
    this.config = config;
    if (renewed) for (const link of this.links.values()) link.takeIce(config);
    this.stopIceRefresh();
    const delay = iceRefreshDelay(config.expiresAt, Date.now());
    if (delay !== null) this.iceTimer = setTimeout(() => void this.refreshIce(), delay);
  }

  private async refreshIce(): Promise<void> {
    this.iceTimer = null;
    if (!this.snapshot.inCall) return;
    const answer = await this.channel.ice();
    if (!this.snapshot.inCall) return;
    if (typeof answer === 'string') {
      this.iceTimer = setTimeout(() => void this.refreshIce(), ICE_RETRY_MS);
      return;
    }
    this.takeConfig(answer);
  }

  private stopIceRefresh(): void {
    if (this.iceTimer) clearTimeout(this.iceTimer);
    this.iceTimer = null;
  }

  private async refreshDevices(): Promise<void> {
    const lists = await listDevices();
    this.set({ devices: { ...lists, chosen: this.snapshot.devices.chosen } });
  }

  private onSignal({ from, participantId, signal }: CallSignalDelivery): void {
    if (!this.snapshot.inCall) return;
    if (signal.bye) {
      this.farewells.add(from);
      this.links.get(from)?.close();
      this.links.delete(from);
      this.reconcile();
      return;
    }
    // Anything else from an endpoint that left means it is back in the call.
    this.farewells.delete(from);
    const link = this.links.get(from) ?? this.connect(from, participantId);
    if (link) void link.receive(signal);
  }

  /** May this page connect to that participant? Seats to everyone; observers to seats only. */
  private mayConnect(participantId: string): boolean {
    if (participantId === this.selfId) return false;
    return this.role !== 'observer' || (this.roles.get(participantId) ?? 'observer') !== 'observer';
  }

  private connect(endpoint: string, participantId: string): PeerLink | undefined {
    if (!this.config || !this.mayConnect(participantId)) return undefined;
    const link = new PeerLink(
      endpoint,
      participantId,
      ENDPOINT < endpoint,
      { iceServers: this.config.iceServers, iceTransportPolicy: this.config.iceTransportPolicy },
      (signal) => this.channel.signal(endpoint, signal),
      () => this.publish(),
    );
    this.links.set(endpoint, link);
    const media = this.media();
    link.open(media.audio ? this.tracks.audio : null, media.video ? this.tracks.video : null);
    this.publish();
    return link;
  }

  /** Opens links to members who arrived, closes those to members gone for good. */
  private reconcile(): void {
    if (!this.snapshot.inCall) return;
    const mine = this.members.find((m) => m.participantId === this.selfId);
    if (this.connected && mine && mine.endpoint !== ENDPOINT) {
      // This person joined the call from another page: this one steps out.
      remember(this.roomId, null);
      for (const link of this.links.values()) link.close();
      this.links.clear();
      this.stopTracks();
      this.stopIceRefresh();
      this.set({ inCall: false, status: { kind: 'off' }, peers: [], movedAway: true });
      return;
    }
    const now = Date.now();
    const present = new Set(this.members.map((m) => m.endpoint));
    const endpointOf = new Map(this.members.map((m) => [m.participantId, m.endpoint]));
    for (const endpoint of this.farewells) if (!present.has(endpoint)) this.farewells.delete(endpoint);
    for (const member of this.members) {
      if (this.farewells.has(member.endpoint)) continue;
      if (!this.links.has(member.endpoint)) this.connect(member.endpoint, member.participantId);
    }
    for (const [endpoint, link] of this.links) {
      if (present.has(endpoint)) {
        this.absentSince.delete(endpoint);
        continue;
      }
      // The same person is in the call from another page now (a refresh): this link is over.
      const current = endpointOf.get(link.participantId);
      if (current !== undefined && current !== endpoint) {
        link.close();
        this.links.delete(endpoint);
        this.absentSince.delete(endpoint);
        continue;
      }
      // Missing from the state: after a server restart everyone announces again, and until then
      // the media still flows; only a peer missing for a while, while we are connected, has left.
      if (!this.connected || now - this.connectedSince < ABSENT_GRACE_MS) continue;
      const since = this.absentSince.get(endpoint) ?? now;
      this.absentSince.set(endpoint, since);
      if (now - since >= ABSENT_GRACE_MS || link.state === 'closed') {
        link.close();
        this.links.delete(endpoint);
        this.absentSince.delete(endpoint);
      }
    }
    this.publish();
  }

  private publish(): void {
    const media = new Map(this.members.map((m) => [m.endpoint, m.media]));
    const peers: CallPeer[] = [...this.links.values()]
      .filter((l) => l.state !== 'closed')
      .map((l) => ({
        participantId: l.participantId,
        endpoint: l.endpoint,
        media: media.get(l.endpoint) ?? { audio: false, video: false },
        stream: l.remote,
        state: l.state,
      }));
    this.set({ peers, status: this.snapshot.inCall ? statusOf(peers, this.config) : this.snapshot.status });
  }

  private set(patch: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function statusOf(peers: CallPeer[], config: CallConfig | null): CallStatus {
  if (peers.length === 0) return { kind: 'waiting' };
  const failed = peers.find((p) => p.state === 'failed');
  if (failed) {
    const relay = config?.iceServers.some((s) => s.urls.some((u) => u.startsWith('turn')));
    return {
      kind: 'failed',
      reason: relay
        ? 'no route to the other person, even through the relay server. Check that the TURN server is reachable, then leave and join the call again.'
        : 'no route to the other person: your networks do not allow a direct connection and this site has no relay (TURN) server. Ask whoever runs it to set TURN_URLS, or try another network.',
    };
  }
  if (peers.some((p) => p.state === 'connected')) return { kind: 'connected' };
  return { kind: 'connecting' };
}
