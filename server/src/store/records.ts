import type { Language, Role, RoundType, SeatRole } from '@mockloop/shared';

export interface RoomRecord {
  id: string;
  roundType: RoundType;
  language: Language;
  creatorRole: SeatRole;
  createdAt: number;
  /** Last join, event or document edit: the room is deleted a retention period after it. */
  lastActiveAt: number;
  /** A pending role swap: who proposed it, and when. */
  swapProposal: { by: string; at: number } | null;
  /** The loop plan the room follows (`Practise this loop`), fixed when it is created; else null. */
  loop: LoopPlanRecord | null;
  /**
   * Bumped by every change to the room, its participants, rounds or feedback (S-REV-1): the
   * optimistic lock of read-modify-write steps, and the order of `RoomState` broadcasts.
   */
  revision: number;
}

/** A room's own loop plan: the track's rounds, each with the question this room drew for it. */
export interface LoopPlanRecord {
  trackId: string;
  stages: LoopStageRecord[];
}

export interface LoopStageRecord {
  roundType: RoundType;
  label: string;
  minutes: number;
  /** The suggestion for the stage's interviewer: private, like every question not yet revealed. */
  questionId: string | null;
}

export interface ParticipantRecord {
  id: string;
  roomId: string;
  /** sha256 of the participant's secret; the secret itself is never stored. */
  secretHash: string;
  name: string;
  /**
   * Derived from the current round's seats, never stored on the participant (S-SEAT-1): the
   * round's interviewer, its candidate, or an observer.
   */
  role: Role;
  color: string;
  joinedAt: number;
}

/** A participant as it is created: the role comes from the seat it is given. */
export type NewParticipant = Omit<ParticipantRecord, 'role'>;

/** One round of a room: its question (private until revealed) and what has been revealed. */
export interface RoundRecord {
  roomId: string;
  number: number;
  roundType: RoundType;
  /** Picked by the interviewer; private until revealedAt is set. */
  questionId: string | null;
  revealedAt: number | null;
  /** When each hint was revealed, in order: hint i is revealed when hintTimes[i] exists. */
  hintTimes: number[];
  /** The question whose starter code has been put in the editor, so it happens once. */
  starterFor: string | null;
  startedAt: number;
  /** Who sat where in this round (null until seated): the only place seats are stored. */
  interviewerId: string | null;
  candidateId: string | null;
  endedAt: number | null;
  /** The stage of the room's loop plan this round plays, or null for a round off the plan. */
  planStage: number | null;
  /** The round's timer, server-authoritative: running when endsAt is set, else paused at remainingMs. */
  timer: TimerRecord;
}

export interface TimerRecord {
  durationMs: number;
  endsAt: number | null;
  remainingMs: number;
}

/** A submitted scorecard (by the interviewer) or self-assessment (by the candidate) of one round. */
export interface FeedbackRecord {
  roomId: string;
  round: number;
  kind: 'scorecard' | 'self-assessment';
  authorId: string;
  submittedAt: number;
  data: Record<string, unknown>;
}

export type RoundPatch = Partial<
  Pick<
    RoundRecord,
    | 'questionId'
    | 'revealedAt'
    | 'hintTimes'
    | 'starterFor'
    | 'endedAt'
    | 'timer'
    | 'interviewerId'
    | 'candidateId'
  >
>;

/** A timestamped entry of the room's timeline. */
export interface TimelineRecord {
  roomId: string;
  round: number;
  at: number;
  type: string;
  data: Record<string, unknown>;
}

/** An image added to a room's whiteboard: the bytes live here, the board document holds the id. */
export interface FileRecord {
  id: string;
  roomId: string;
  mimeType: string;
  /** SHA-256 of the bytes (base64url), so the same image added twice is stored once per room. */
  sha256: string;
  size: number;
  data: Uint8Array;
  uploadedBy: string;
  createdAt: number;
}

/** A file's description without its bytes. */
export type FileInfo = Omit<FileRecord, 'data'>;

/** One Yjs (v1) update to append to a document's log, with when and from whom. */
export interface UpdateRow {
  data: Uint8Array;
  /** Server time it was applied. */
  at: number;
  /** The participant whose connection sent it; null for the server's own changes. */
  author: string | null;
}

/** A stored update, with its place in the log. */
export interface StoredUpdate extends UpdateRow {
  seq: number;
}

/** A document's history at a glance. */
export interface UpdateSpan {
  rows: number;
  firstAt: number | null;
  lastAt: number | null;
  /** Participants with at least one row (not the server's own changes). */
  authors: string[];
}

/** How many bytes of document history (stored rows) a room holds: in all, per document, per author (S-DOC-5). */
export interface HistoryUsage {
  total: number;
  /** Per document name. */
  docs: Map<string, number>;
  /** Per participant id; the server's own rows (starter code) are in `total` and `docs` only. */
  authors: Map<string, number>;
}

/** A document's full state covering every row up to `uptoSeq` (S-DOC-2). */
export interface Checkpoint {
  uptoSeq: number;
  state: Uint8Array;
  at: number;
}

/** What loading a document needs: its latest checkpoint and every row after it, oldest first. */
export interface StoredDocument {
  checkpoint: Checkpoint | null;
  rows: StoredUpdate[];
}

/** The result of an optimistic write: applied, or the revision had moved on (re-read and retry). */
export type Written = 'written' | 'conflict';

/** Thrown by saveFeedback when that round already has feedback of that kind: it is final. */
export class FeedbackExistsError extends Error {
  constructor() {
    super('feedback already submitted');
    this.name = 'FeedbackExistsError';
  }
}

/**
 * A solo room's simulated interviewer (P-SIM-2): who it is, what it plays, how far it got.
 * Its schedule is derived from the question and `startedAt`; `steps` counts the scheduled
 * lines already said, so a restart resumes exactly there.
 */
export interface SimulationRecord {
  roomId: string;
  /** The participant holding the interviewer seat for the simulation (nobody has its secret). */
  interviewerId: string;
  trackId: string;
  personaId: string;
  questionId: string;
  round: number;
  /** One simulated minute in milliseconds, fixed when the simulation is created. */
  minuteMs: number;
  /** When the candidate first joined and the clock started; null while waiting. */
  startedAt: number | null;
  /** Scheduled steps already done. */
  steps: number;
  /** Everything said so far, in order (also the transcript of the round). */
  lines: Array<{ at: number; kind: string; text: string }>;
  lastActivityAt: number;
  /** The last nudge: another needs activity after it. */
  nudgedAt: number | null;
  /** How many times the candidate said they were stuck (bounded). */
  stuckCount: number;
  endedAt: number | null;
  /** Bumped by every write; writes are guarded by it (as S-REV-2). */
  revision: number;
}

/** A review link of one round (P-REVIEW-1): revocable by its candidate; comments pinned to moments. */
export interface ReviewRecord {
  id: string;
  roomId: string;
  round: number;
  /** The candidate who asked for it. */
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
  comments: Array<{ id: number; atMs: number; text: string; by: string; createdAt: number }>;
  /** Bumped by every write; writes are guarded by it. */
  revision: number;
}

/** One person's recording of their voice in one round (P-AUDIO-*), without its bytes. */
export interface RecordingRecord {
  id: string;
  roomId: string;
  round: number;
  participantId: string;
  /** `audio/webm` or `audio/ogg`: every piece is of this type. */
  mimeType: string;
  /** Server time the recorder started: where audio time 0 sits on the round's timeline. */
  startedAt: number;
  /** Server time of the last stored piece (`startedAt` before the first). */
  lastAt: number;
  /** Pieces stored: the next piece must have this number. */
  pieces: number;
  bytes: number;
}

/** Why a piece was not stored (RecordingStore.appendRecordingPiece). */
export type PieceRefusal =
  | { refused: 'no-recording' }
  /** Not the next number: a duplicate or a gap. `next` is the number that is awaited. */
  | { refused: 'out-of-order'; next: number }
  /** The person's recordings of the round would pass their cap. */
  | { refused: 'full' }
  /** All rooms' files would pass the server's budget (FILES_TOTAL_BYTES). */
  | { refused: 'store-full' };
