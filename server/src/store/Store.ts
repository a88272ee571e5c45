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
}

export interface ParticipantRecord {
  id: string;
  roomId: string;
  /** sha256 of the participant's secret; the secret itself is never stored. */
  secretHash: string;
  name: string;
  role: Role;
  color: string;
  joinedAt: number;
}

/** One round of a room: its question (private until revealed) and what has been revealed. */
export interface RoundRecord {
  roomId: string;
  number: number;
  /** Picked by the interviewer; private until revealedAt is set. */
  questionId: string | null;
  revealedAt: number | null;
  /** When each hint was revealed, in order: hint i is revealed when hintTimes[i] exists. */
  hintTimes: number[];
  /** The question whose starter code has been put in the editor, so it happens once. */
  starterFor: string | null;
  startedAt: number;
  /** Who sat where in this round (null until seated). */
  interviewerId: string | null;
  candidateId: string | null;
  endedAt: number | null;
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
    | 'interviewerId'
    | 'candidateId'
    | 'endedAt'
    | 'timer'
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

/** Thrown by saveFeedback when that round already has feedback of that kind: it is final. */
export class FeedbackExistsError extends Error {
  constructor() {
    super('feedback already submitted');
    this.name = 'FeedbackExistsError';
  }
}

/** Thrown by addParticipant when the room already has someone in that seat. */
export class SeatTakenError extends Error {
  constructor(readonly role: Role) {
    super(`seat ${role} is taken`);
    this.name = 'SeatTakenError';
  }
}

/**
 * Everything the server persists. Async so that a networked implementation (PostgreSQL) can
 * stand in for SQLite without changing callers. The store enforces one interviewer and one
 * candidate per room itself (P-ROOM-3), so no race in a caller can seat two.
 */
export interface Store {
  createRoom(room: RoomRecord): Promise<void>;
  getRoom(roomId: string): Promise<RoomRecord | null>;
  setRoomLanguage(roomId: string, language: Language): Promise<void>;
  /** Records activity in the room (never moves its time back). */
  touchRoom(roomId: string, at: number): Promise<void>;
  /** Rooms whose last activity is older than `before`, oldest first. */
  listIdleRooms(before: number, limit: number): Promise<string[]>;
  /** Deletes a room and everything of it: participants, rounds, timeline, feedback, files, documents. */
  deleteRoom(roomId: string): Promise<void>;

  /** @throws SeatTakenError when role is interviewer or candidate and that seat is occupied. */
  addParticipant(participant: ParticipantRecord): Promise<void>;
  getParticipant(participantId: string): Promise<ParticipantRecord | null>;
  findParticipantBySecret(roomId: string, secretHash: string): Promise<ParticipantRecord | null>;
  listParticipants(roomId: string): Promise<ParticipantRecord[]>;
  renameParticipant(participantId: string, name: string): Promise<void>;

  createRound(round: RoundRecord): Promise<void>;
  /** The room's latest round. */
  getCurrentRound(roomId: string): Promise<RoundRecord | null>;
  getRound(roomId: string, number: number): Promise<RoundRecord | null>;
  listRounds(roomId: string): Promise<RoundRecord[]>;
  updateRound(roomId: string, number: number, patch: RoundPatch): Promise<void>;

  setSwapProposal(roomId: string, proposal: { by: string; at: number } | null): Promise<void>;
  /**
   * Exchanges the seats of two participants, clears the swap proposal and opens `nextRound`, all
   * in one transaction: nobody ever sees a room with two interviewers or a half-made swap.
   */
  swapSeatsAndStartRound(roomId: string, aId: string, bId: string, nextRound: RoundRecord): Promise<void>;

  /** Stores feedback once. @throws FeedbackExistsError when the round already has that kind. */
  saveFeedback(feedback: FeedbackRecord): Promise<void>;
  listFeedback(roomId: string): Promise<FeedbackRecord[]>;

  appendEvent(event: TimelineRecord): Promise<void>;
  listEvents(roomId: string): Promise<TimelineRecord[]>;

  /** Appends one Yjs (v1) update to a document's log. */
  appendUpdate(docName: string, update: Uint8Array): Promise<void>;
  /**
   * Appends updates to several documents' logs, each document's in order, atomically (one
   * transaction): the document plane writes all the updates of an event-loop turn in one call.
   */
  appendUpdates(batch: ReadonlyMap<string, readonly Uint8Array[]>): Promise<void>;
  /** Every stored update of a document, oldest first. */
  loadUpdates(docName: string): Promise<Uint8Array[]>;
  countUpdates(docName: string): Promise<number>;
  /** Replaces a document's whole log with one update holding its full state (compaction). */
  replaceUpdates(docName: string, state: Uint8Array): Promise<void>;

  saveFile(file: FileRecord): Promise<void>;
  /** The file with this id in this room (null for another room's file: ids do not cross rooms). */
  getFile(roomId: string, fileId: string): Promise<FileRecord | null>;
  findFileByHash(roomId: string, sha256: string): Promise<FileInfo | null>;
  /** Bytes of all files of a room together. */
  roomFilesSize(roomId: string): Promise<number>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}
