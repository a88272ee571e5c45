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
 * Everything the server persists, as a contract that SQLite and PostgreSQL both keep (rule ids
 * `S-*` in `CONTRACT.md`, checked by `storeContract.ts` against each). Every multi-row step is one
 * transaction inside the store; read-modify-write steps are optimistic on the room's revision, so
 * no caller needs a lock and two nodes cannot interleave a half-done step.
 */
export interface Store {
  /** Creates a room with its first round and its seated players, in one transaction (S-ROOM-1). */
  createRoom(
    room: RoomRecord,
    players: Array<NewParticipant & { seat: SeatRole }>,
    firstRound: RoundRecord,
  ): Promise<void>;
  getRoom(roomId: string): Promise<RoomRecord | null>;
  /** Sets the room's language or swap proposal if its revision is still `expected` (S-REV-2). */
  updateRoom(
    roomId: string,
    patch: { language?: Language; swapProposal?: RoomRecord['swapProposal'] },
    expected: number,
  ): Promise<Written>;
  /** Records activity in the room (never moves its time back). Does not change the revision. */
  touchRoom(roomId: string, at: number): Promise<void>;
  /** Rooms whose last activity is older than `before`, oldest first. */
  listIdleRooms(before: number, limit: number): Promise<string[]>;
  /** Deletes a room and everything of it: participants, rounds, timeline, feedback, files, documents. */
  deleteRoom(roomId: string): Promise<void>;
  /**
   * After deletions, makes the deleted bytes unreadable in the store's own files where the store
   * can (P-ROOM-6; SQLite: its WAL is checkpointed and truncated). Optional: PostgreSQL leaves
   * dead tuples to VACUUM (README).
   */
  purgeDeleted?(): Promise<void>;

  /**
   * Adds a participant to the room and gives them the first free seat of the current round
   * (interviewer, then candidate), else makes them an observer, atomically (S-SEAT-2): two
   * newcomers racing for the last seat cannot both win. Refuses past `maxParticipants` ('full').
   */
  seatNewcomer(participant: NewParticipant, maxParticipants: number): Promise<Role | 'full'>;
  getParticipant(participantId: string): Promise<ParticipantRecord | null>;
  findParticipantBySecret(roomId: string, secretHash: string): Promise<ParticipantRecord | null>;
  listParticipants(roomId: string): Promise<ParticipantRecord[]>;
  renameParticipant(participantId: string, name: string): Promise<void>;

  /** The room's latest round. */
  getCurrentRound(roomId: string): Promise<RoundRecord | null>;
  getRound(roomId: string, number: number): Promise<RoundRecord | null>;
  listRounds(roomId: string): Promise<RoundRecord[]>;
  /** Patches a round if the room's revision is still `expected` (S-REV-2). */
  updateRound(roomId: string, number: number, patch: RoundPatch, expected: number): Promise<Written>;
  /**
   * Ends round `ending` (if it has not ended) and opens `next`, clearing the swap proposal, in one
   * transaction, if the room's revision is still `expected` (S-ROUND-1).
   */
  startNextRound(
    roomId: string,
    ending: { number: number; patch: RoundPatch },
    next: RoundRecord,
    expected: number,
  ): Promise<Written>;

  /** Stores feedback once (S-FEED-1). @throws FeedbackExistsError when the round already has that kind. */
  saveFeedback(feedback: FeedbackRecord): Promise<void>;
  listFeedback(roomId: string): Promise<FeedbackRecord[]>;

  appendEvent(event: TimelineRecord): Promise<void>;
  listEvents(roomId: string): Promise<TimelineRecord[]>;

  /**
   * Appends updates to several documents' logs, each document's in order, atomically, in one
   * transaction: the document plane writes all the updates of an event-loop turn in one call.
   * Returns the last sequence number given to each document (S-DOC-1).
   */
  appendUpdates(batch: ReadonlyMap<string, readonly UpdateRow[]>): Promise<Map<string, number>>;
  /** The latest checkpoint of a document and every row after it, oldest first (S-DOC-2). */
  loadDocument(docName: string): Promise<StoredDocument>;
  /**
   * Records a document's full state as covering every row up to `uptoSeq`, and drops the older
   * checkpoints it supersedes (a load needs only the latest). Rows are never deleted by it, so a
   * row another writer appended meanwhile is never lost (S-DOC-3).
   */
  writeCheckpoint(docName: string, checkpoint: Checkpoint): Promise<void>;
  /** A document's rows with a sequence number above `after`, oldest first, at most `limit` (S-DOC-4). */
  loadUpdates(docName: string, after?: number, limit?: number): Promise<StoredUpdate[]>;
  /**
   * One page of a document's rows after `after`, oldest first: at most `maxRows` rows and, past
   * the first, at most `maxBytes` of row data, read without holding more than that in memory;
   * `more` says whether rows are left after it (S-DOC-6).
   */
  loadUpdatePage(
    docName: string,
    after: number,
    maxRows: number,
    maxBytes: number,
  ): Promise<{ rows: StoredUpdate[]; more: boolean }>;
  /** The bytes of history a room's documents hold, in all, per document and per author (S-DOC-5). */
  historyUsage(roomId: string): Promise<HistoryUsage>;
  countUpdates(docName: string): Promise<number>;
  /** How many rows a document has, from when to when, and who wrote them (S-DOC-4). */
  describeUpdates(docName: string): Promise<UpdateSpan>;

  /**
   * Stores an image unless the room already holds the same bytes (returns that one), the room's
   * images would pass `maxRoomBytes` (returns 'full') or all rooms' images would pass
   * `maxTotalBytes` (returns 'store-full'), in one transaction (S-FILE-1).
   */
  saveFile(
    file: FileRecord,
    maxRoomBytes: number,
    maxTotalBytes?: number,
  ): Promise<FileInfo | 'full' | 'store-full'>;
  /** The bytes all rooms' images hold. */
  filesTotalBytes(): Promise<number>;
  /** The file with this id in this room (null for another room's file: ids do not cross rooms). */
  getFile(roomId: string, fileId: string): Promise<FileRecord | null>;

  getMeta(key: string): Promise<string | null>;
  /** Sets `key` to `value` unless it is set; returns the value that holds (S-META-1). */
  getOrCreateMeta(key: string, value: string): Promise<string>;

  /** A cheap query: resolves when the store answers (readiness). */
  ping(): Promise<void>;

  close(): Promise<void>;
}
