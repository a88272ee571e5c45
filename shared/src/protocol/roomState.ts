import type { RoundType } from '../questions/roundTypes.js';
import type { CallMember } from './call.js';
import type { DocKind } from './documents.js';
import type { RoundView } from './interview.js';
import type { Language } from './languages.js';
import type { LoopView } from './loop.js';
import type { Role } from './roles.js';
import type { RoundSummary, SwapProposal } from './rounds.js';

/** A participant as every member of the room sees them: identity stamped by the server. */
export interface ParticipantView {
  id: string;
  name: string;
  role: Role;
  color: string;
  online: boolean;
  away: boolean;
}

/** The public state of a room, broadcast to the whole room on every change (P-CTL-3). */
export interface RoomState {
  roomId: string;
  /** The current round's type: a room runs rounds of any type, one after another. */
  roundType: RoundType;
  /** The loop plan the room follows, and where it is in it; null for a room without one. */
  loop: LoopView | null;
  language: Language;
  participants: ParticipantView[];
  round: RoundView;
  rounds: RoundSummary[];
  swapProposal: SwapProposal | null;
  /** Who is in the call, and whether their microphone and camera are on. */
  call: CallMember[];
  /**
   * The room's revision in the store when this state was read: a client drops a state older than
   * one it already has, whatever order broadcasts from several nodes arrive in (P-CTL-5).
   */
  revision: number;
  /** The server's clock when this state was sent, so clients can correct theirs for the timer. */
  serverNow: number;
}

/**
 * Access to one shared document: its name and a token scoped to room, participant, document and
 * awareness client id, valid until `expiresAt` (P-DOC-2, P-DOC-11).
 */
export interface DocAccess {
  name: string;
  token: string;
  /** false for observers: the server drops their writes, and the editor is read-only. */
  writable: boolean;
  /**
   * The Yjs client id this browser tab must use for the document: the server stamps and relays
   * awareness only for it, so nobody can speak for another person's cursor (P-ID-3).
   */
  clientId: number;
  /** When the token stops opening connections (ms since the epoch): refresh it before. */
  expiresAt: number;
}

/**
 * The documents one browser tab may open in one round and seat (`room:grants`, and the answer to
 * `room:documents`): `round` and `role` say which, so a tab can tell whether they are current.
 */
export interface DocumentGrants {
  round: number;
  role: Role;
  documents: JoinResult['documents'];
}

/** What a successful join returns to the joining browser only. */
export interface JoinResult {
  self: ParticipantView;
  /** Keep this in the browser; presenting it again restores the same seat. */
  secret: string;
  room: RoomState;
  /** Only the documents this participant may open: `notes` for the interviewer alone. */
  documents: Partial<Record<DocKind, DocAccess>> & { code: DocAccess };
}
