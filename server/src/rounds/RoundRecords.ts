import type { Question, TimelineEventType } from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import type { RoomStore } from '../store/RoomStore.js';
import type { RoomRecord, RoundRecord } from '../store/records.js';

/**
 * The reads and the timeline entry every round service needs: the room and its current round
 * (NOT_FOUND when the room is gone), a question by id, and a moment recorded on the timeline.
 */
export class RoundRecords {
  constructor(
    private readonly store: RoomStore,
    private readonly bank: QuestionBank,
    private readonly now: () => number = Date.now,
  ) {}

  async room(roomId: string): Promise<RoomRecord> {
    const room = await this.store.getRoom(roomId);
    if (!room) throw new AppError('NOT_FOUND', 'This room does not exist.');
    return room;
  }

  async current(roomId: string): Promise<RoundRecord> {
    const round = await this.store.getCurrentRound(roomId);
    if (!round) throw new AppError('NOT_FOUND', 'This room does not exist.');
    return round;
  }

  question(id: string | null): Question | undefined {
    if (!id) return undefined;
    return this.bank.questions.find((q) => q.id === id) ?? this.bank.own?.find(id);
  }

  /** Reads the rounds' own questions (`my-<key>`) into memory, so `question` finds them. */
  async warm(ids: ReadonlyArray<string | null | undefined>): Promise<void> {
    await this.bank.own?.warm(ids);
  }

  /** The room's current round, its question in memory. */
  async warmCurrent(roomId: string): Promise<RoundRecord> {
    const round = await this.current(roomId);
    await this.warm([round.questionId]);
    return round;
  }

  /** A round's question if it is revealed, else undefined: all the room may know of it. */
  revealed(round: RoundRecord): Question | undefined {
    return round.revealedAt !== null ? this.question(round.questionId) : undefined;
  }

  record(round: RoundRecord, type: TimelineEventType, data: Record<string, unknown>): Promise<void> {
    return this.store.appendEvent({ roomId: round.roomId, round: round.number, at: this.now(), type, data });
  }
}
