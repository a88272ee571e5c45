import { z } from 'zod';

/**
 * The call: WebRTC between the people of a room, media peer-to-peer, signalling over the room's
 * control socket (P-CALL-1..4). Each page in the call is an endpoint with its own random id, new
 * on every page load and kept across reconnects, so a peer connection outlives a server restart.
 */
export const CallEndpointId = z.string().regex(/^[A-Za-z0-9_-]{16,43}$/, 'malformed call endpoint');
export type CallEndpointId = z.infer<typeof CallEndpointId>;

/** Larger than any description a browser makes for audio and video (Chromium's: 4-8 KiB). */
export const MAX_SDP_BYTES = 32 * 1024;
export const MAX_CANDIDATE_BYTES = 1024;

/**
 * An SDP blob as browsers write it: `v=0` first, then `x=value` lines of printable ASCII ending in
 * CRLF. Anything else is refused before it reaches the other browser's parser (P-CALL-3).
 */
const SDP_LINES = /^v=0\r\n(?:[a-z]=[\x20-\x7e]*\r\n)+$/;

export const SessionDescription = z.object({
  type: z.enum(['offer', 'answer']),
  sdp: z
    .string()
    .max(MAX_SDP_BYTES, `sdp is at most ${MAX_SDP_BYTES} bytes`)
    .regex(SDP_LINES, 'sdp is not a session description'),
});
export type SessionDescription = z.infer<typeof SessionDescription>;

export const IceCandidate = z.object({
  // '' marks the end of candidates.
  candidate: z
    .string()
    .max(MAX_CANDIDATE_BYTES, `candidate is at most ${MAX_CANDIDATE_BYTES} bytes`)
    .regex(/^(?:candidate:[\x20-\x7e]+)?$/, 'not an ICE candidate'),
  sdpMid: z.string().max(32).nullish(),
  sdpMLineIndex: z.number().int().min(0).max(63).nullish(),
  usernameFragment: z.string().max(256).nullish(),
});
export type IceCandidate = z.infer<typeof IceCandidate>;

/**
 * What one endpoint sends another: exactly one of a description, a candidate, or goodbye (it left
 * the call). One object rather than a union, so a bad field gets its own error message.
 */
export const CallSignal = z
  .object({
    description: SessionDescription.optional(),
    candidate: IceCandidate.optional(),
    bye: z.literal(true).optional(),
  })
  .strict()
  .refine((s) => Object.keys(s).length === 1, 'a signal is one description, candidate or bye');
export type CallSignal = z.infer<typeof CallSignal>;

/** Whether this endpoint sends audio and video now (shown as the muted and camera-off marks). */
export const CallMedia = z.object({ audio: z.boolean(), video: z.boolean() }).strict();
export type CallMedia = z.infer<typeof CallMedia>;

export const CallJoinRequest = z.object({ endpoint: CallEndpointId, media: CallMedia }).strict();
export type CallJoinRequest = z.infer<typeof CallJoinRequest>;

export const CallSignalRequest = z.object({ to: CallEndpointId, signal: CallSignal }).strict();
export type CallSignalRequest = z.infer<typeof CallSignalRequest>;

/** A signal as delivered: who sent it (their endpoint and participant id, stamped by the server). */
export interface CallSignalDelivery {
  from: CallEndpointId;
  participantId: string;
  signal: CallSignal;
}

/** Someone in the call, as the room state lists them: one endpoint per participant. */
export interface CallMember {
  participantId: string;
  endpoint: CallEndpointId;
  media: CallMedia;
}

/**
 * What a browser needs to open peer connections: ICE servers (TURN credentials issued to this
 * participant and expiring at `expiresAt`) and whether only relayed routes may be used.
 */
export interface CallConfig {
  iceServers: Array<{ urls: string[]; username?: string; credential?: string }>;
  iceTransportPolicy: 'all' | 'relay';
  /** When the TURN credentials stop working (ms since the epoch); null without TURN. */
  expiresAt: number | null;
}
