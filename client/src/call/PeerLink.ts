import type { CallSignal } from '@mockloop/shared';

export type LinkState = 'connecting' | 'connected' | 'failed' | 'closed';

/** ICE restarts tried after a connection fails before the link is called failed. */
const MAX_RESTARTS = 3;

/**
 * One RTCPeerConnection to one other endpoint, negotiated with the "perfect negotiation" pattern:
 * either side may change its tracks at any time and both make offers; when offers cross, the
 * polite side (decided by endpoint id, the same answer on both sides) rolls its own back and
 * takes the other's, the impolite side ignores the other's. A failed connection restarts ICE.
 *
 * The first offer is always the impolite side's: both sides open their link at about the same
 * moment, and a rollback of the polite side's first offer while it gathered candidates left
 * Chromium's gathering stuck (about one call in five on loopback).
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  /** What the other endpoint sends: its audio and video, as they come and go. */
  readonly remote = new MediaStream();
  private makingOffer = false;
  /** Whether a description from the other side was applied: until then the polite side waits. */
  private heard = false;
  private ignoreOffer = false;
  private restarts = 0;
  private readonly senders: Partial<Record<'audio' | 'video', RTCRtpSender>> = {};
  private readonly local = new MediaStream();
  private closed = false;

  constructor(
    readonly endpoint: string,
    readonly participantId: string,
    private readonly polite: boolean,
    config: RTCConfiguration,
    private readonly send: (signal: CallSignal) => void,
    private readonly changed: () => void,
  ) {
    this.pc = new RTCPeerConnection(config);
    this.pc.onnegotiationneeded = () => {
      if (this.polite && !this.heard) return; // the other side's offer comes first
      void this.offer();
    };
    this.pc.onicecandidate = ({ candidate }) => {
      this.send({
        candidate: candidate
          ? {
              candidate: candidate.candidate,
              sdpMid: candidate.sdpMid,
              sdpMLineIndex: candidate.sdpMLineIndex,
              usernameFragment: candidate.usernameFragment,
            }
          : { candidate: '' },
      });
    };
    this.pc.ontrack = ({ track }) => {
      for (const old of this.remote.getTracks()) {
        if (old.kind === track.kind && old !== track) this.remote.removeTrack(old);
      }
      if (!this.remote.getTracks().includes(track)) this.remote.addTrack(track);
      track.onended = () => {
        this.remote.removeTrack(track);
        this.changed();
      };
      this.changed();
    };
    this.pc.onconnectionstatechange = () => {
      if (this.pc.connectionState === 'connected') this.restarts = 0;
      if (this.pc.connectionState === 'failed' && this.restarts < MAX_RESTARTS) {
        this.restarts++;
        this.pc.restartIce();
      }
      this.changed();
    };
  }

  get state(): LinkState {
    if (this.closed) return 'closed';
    const state = this.pc.connectionState;
    if (state === 'connected') return 'connected';
    if (state === 'failed' && this.restarts >= MAX_RESTARTS) return 'failed';
    return 'connecting';
  }

  /**
   * Starts the link with what this side sends. The impolite side asks to receive each kind it does
   * not send, so its first offer has both kinds in it whatever its devices (an observer, or a
   * blocked camera), and the polite side can answer with its own tracks.
   */
  open(audio: MediaStreamTrack | null, video: MediaStreamTrack | null): void {
    this.setTrack('audio', audio);
    this.setTrack('video', video);
    if (this.polite) return;
    for (const kind of ['audio', 'video'] as const) {
      // A later track of this kind reuses the transceiver (addTrack takes one never used to send).
      if (!this.senders[kind]) this.pc.addTransceiver(kind, { direction: 'recvonly' });
    }
  }

  /**
   * What this side sends of one kind: a track, or nothing (microphone muted, camera off). A kind
   * never sent before adds a track (and negotiates); after that the track is swapped in place,
   * which needs no negotiation, and null stops the bytes altogether.
   */
  setTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): void {
    if (this.closed) return;
    const sender = this.senders[kind];
    if (sender) {
      if (sender.track !== track) void sender.replaceTrack(track).catch(() => {});
      return;
    }
    if (track) this.senders[kind] = this.pc.addTrack(track, this.local);
  }

  /** A signal from the other endpoint, relayed by the server. */
  async receive(signal: CallSignal): Promise<void> {
    if (this.closed) return;
    try {
      if (signal.description) {
        const description = signal.description;
        const collision =
          description.type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
        this.ignoreOffer = !this.polite && collision;
        if (this.ignoreOffer) return;
        await this.pc.setRemoteDescription(description);
        this.heard = true;
        if (description.type === 'offer') {
          await this.pc.setLocalDescription();
          this.sendDescription();
        }
      } else if (signal.candidate) {
        try {
          await this.pc.addIceCandidate(signal.candidate);
        } catch (err) {
          if (!this.ignoreOffer) throw err;
        }
      }
    } catch (err) {
      // A description that does not apply (crossed in flight, or from a page that reloaded) is
      // recovered by the next negotiation; nothing here can take the page down.
      console.warn('[call] signal not applied', err);
    }
  }

  /**
   * New ICE servers (renewed TURN credentials): later gathering uses them, and with a relay the
   * link restarts ICE at once, onto allocations the relay will keep refreshing.
   */
  takeIce(config: { iceServers: RTCIceServer[]; iceTransportPolicy: RTCIceTransportPolicy }): void {
    if (this.closed) return;
    try {
      this.pc.setConfiguration({ ...this.pc.getConfiguration(), ...config });
    } catch (err) {
      console.warn('[call] new ICE servers not taken', err);
      return;
    }
    const relay = config.iceServers.some((s) => [s.urls].flat().some((u) => /^turns?:/.test(u)));
    if (relay) this.pc.restartIce();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.close();
    for (const track of this.remote.getTracks()) this.remote.removeTrack(track);
    this.changed();
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendDescription();
    } catch (err) {
      console.warn('[call] offer failed', err);
    } finally {
      this.makingOffer = false;
    }
  }

  private sendDescription(): void {
    const description = this.pc.localDescription;
    if (!description || (description.type !== 'offer' && description.type !== 'answer')) return;
    this.send({ description: { type: description.type, sdp: description.sdp } });
  }
}
