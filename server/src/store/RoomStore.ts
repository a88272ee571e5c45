import type { Language, Role, SeatRole } from '@mockloop/shared';
import type {
  FeedbackRecord,
  NewParticipant,
  ParticipantRecord,
  RoomRecord,
  RoundPatch,
  RoundRecord,
  TimelineRecord,
  Written,
} from './records.js';

/**
 * Rooms, their participants and seats, their rounds, feedback and timeline (CONTRACT.md, "Rooms
 * and seats" and "Revisions"): every change bumps the room's revision, and read-modify-write steps
 * are guarded by it (S-REV-2), so no caller needs a lock.
 */
export interface RoomStore {
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
}
