import {
  type NextRoundRequest,
  OWN_QUESTION_PREFIX,
  questionFits,
  type ScorecardInput,
  type SelfAssessmentInput,
  type TimerCommand,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import { landed, untilWritten } from '../common/untilWritten.js';
import type { DocEditor } from '../documents/DocEditor.js';
import { stageFor } from '../loop/loopPlans.js';
import { criteriaOf } from '../questions/criteria.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import {
  FeedbackExistsError,
  type FeedbackRecord,
  type ParticipantRecord,
  type RoomRecord,
  type RoundRecord,
  type Store,
  type Written,
} from '../store/Store.js';
import { mutateCurrentRound } from './mutateCurrentRound.js';
import { newRound, type RoundOpening } from './newRound.js';
import { RoundRecords } from './RoundRecords.js';
import { SeatChanges } from './SeatChanges.js';
import { applyTimerCommand } from './timer.js';

/**
 * The life of a round after its question: the timer, ending it, the role swap that opens the next
 * round and feedback from both sides (the report is ReportService's). Each read-modify-write
 * step is guarded by the room's revision (S-REV-2).
 */
export class RoundService {
  constructor(
    private readonly store: Store,
    readonly bank: QuestionBank,
    readonly _docs: DocEditor,
    private readonly now: () => number = Date.now,
    private readonly seatChanges: SeatChanges = new SeatChanges(),
    /** Rounds a room may have: each is documents, history and a report section of its own. */
    private readonly maxRounds = Number.POSITIVE_INFINITY,
  ) {
    this.records = new RoundRecords(store, bank, now);
  }

  private readonly records: RoundRecords;

  async controlTimer(participant: ParticipantRecord, command: TimerCommand): Promise<void> {
    const { round } = await mutateCurrentRound(this.store, participant.roomId, (round) => {
      if (participant.id !== round.interviewerId) {
        throw new AppError('FORBIDDEN', 'Only the interviewer runs the clock.');
      }
      if (round.endedAt !== null) throw new AppError('BAD_REQUEST', 'This round has ended.');
      return { patch: { timer: applyTimerCommand(round.timer, command, this.now()) }, result: null };
    });
    await this.records.record(round, 'timer', { ...command });
  }

  /** Proposes swapping seats; if the other player already proposed, this accepts. */
  async proposeSwap(participant: ParticipantRecord): Promise<'proposed' | 'swapped'> {
    return untilWritten(async () => {
      const room = await this.records.room(participant.roomId);
      const round = await this.records.current(participant.roomId);
      const other = this.otherPlayer(round, participant);
      this.checkRoundsLeft(round);
      if (room.swapProposal && room.swapProposal.by === other) {
        return landed(await this.swap(room, round), 'swapped' as const);
      }
      const written = await this.store.updateRoom(
        room.id,
        { swapProposal: { by: participant.id, at: this.now() } },
        room.revision,
      );
      if (written === 'written') await this.records.record(round, 'swap-proposed', { by: participant.id });
      return landed(written, 'proposed' as const);
    });
  }

  /** The other player accepts (roles exchange, a new round opens) or declines the proposal. */
  async respondSwap(participant: ParticipantRecord, accept: boolean): Promise<void> {
    await untilWritten(async () => {
      const room = await this.records.room(participant.roomId);
      const round = await this.records.current(participant.roomId);
      const other = this.otherPlayer(round, participant);
      if (room.swapProposal?.by !== other) throw new AppError('BAD_REQUEST', 'There is no swap to answer.');
      if (accept) return landed(await this.swap(room, round), undefined);
      const written = await this.store.updateRoom(room.id, { swapProposal: null }, room.revision);
      if (written === 'written') await this.records.record(round, 'swap-declined', { by: participant.id });
      return landed(written, undefined);
    });
  }

  /** Ends the current round (either player): the clock stops and feedback opens. */
  async endRound(participant: ParticipantRecord): Promise<void> {
    const { round, written } = await mutateCurrentRound(this.store, participant.roomId, (round) => {
      this.otherPlayer(round, participant);
      if (round.endedAt !== null) return { patch: null, result: null };
      const now = this.now();
      return {
        patch: { endedAt: now, timer: applyTimerCommand(round.timer, { action: 'pause' }, now) },
        result: null,
      };
    });
    if (written) await this.records.record(round, 'round-ended', { by: participant.id });
  }

  /**
   * Opens the next round once the current one has ended (P-LOOP-2): only its interviewer may,
   * with any round type, the same seats or swapped. A round of a type the loop plan still has to
   * play plays its first such stage: its minutes, and its drawn question unless another is
   * picked. A question picked ahead needs the same seats, or its answerer would have picked it.
   */
  async nextRound(participant: ParticipantRecord, req: NextRoundRequest): Promise<void> {
    await untilWritten(async () => {
      const room = await this.records.room(participant.roomId);
      const rounds = await this.store.listRounds(room.id);
      const round = rounds.at(-1);
      if (!round) throw new AppError('NOT_FOUND', 'This room does not exist.');
      if (participant.id !== round.interviewerId) {
        throw new AppError('FORBIDDEN', "Only this round's interviewer starts the next round.");
      }
      if (round.endedAt === null)
        throw new AppError('BAD_REQUEST', 'End this round before starting the next.');
      if (!round.candidateId)
        throw new AppError('BAD_REQUEST', 'The next round needs a candidate in the room.');
      this.checkRoundsLeft(round);
      if (req.questionId !== undefined && req.seats === 'swapped') {
        throw new AppError(
          'BAD_REQUEST',
          'Pick a question ahead only for the same seats: with the seats swapped, the next interviewer picks.',
        );
      }
      if (req.questionId?.startsWith(OWN_QUESTION_PREFIX)) {
        // Picking one of My questions needs its author's secret: pick it once the round is open.
        throw new AppError('BAD_REQUEST', 'Pick your own question in the new round’s question browser.');
      }
      const picked = req.questionId !== undefined ? this.records.question(req.questionId) : undefined;
      if (req.questionId !== undefined && !picked) {
        throw new AppError('NOT_FOUND', 'There is no such question in the bank.');
      }
      if (picked && !questionFits(req.roundType, picked.roundType)) {
        throw new AppError('BAD_REQUEST', `That question is not for a ${req.roundType} round.`);
      }
      // A stage of the plan sets the minutes and suggests its drawn question; a pick overrides it.
      const stageIndex = room.loop ? stageFor(room.loop, rounds, req.roundType) : null;
      const stage = stageIndex !== null ? room.loop?.stages[stageIndex] : undefined;
      const questionId = picked?.id ?? stage?.questionId ?? undefined;
      const opening: RoundOpening = {
        ...(stage && stageIndex !== null ? { planStage: stageIndex, minutes: stage.minutes } : {}),
        ...(!stage && picked ? { minutes: picked.timeLimitMinutes } : {}),
        ...(questionId ? { questionId } : {}),
      };
      const seats =
        req.seats === 'same'
          ? { interviewerId: round.interviewerId, candidateId: round.candidateId }
          : { interviewerId: round.candidateId, candidateId: round.interviewerId };
      const next = newRound(room.id, round.number + 1, req.roundType, seats, this.now(), opening);
      const written = await this.store.startNextRound(
        room.id,
        { number: round.number, patch: {} },
        next,
        room.revision,
      );
      if (written === 'written') {
        // At once, before any other frame is handled: the ended round's writers lose their rights.
        this.seatChanges.emit(room.id, next.number);
        await this.records.record(next, 'round-started', {
          roundType: next.roundType,
          planStage: next.planStage,
          interviewerId: next.interviewerId,
          candidateId: next.candidateId,
        });
        if (next.questionId)
          await this.records.record(next, 'question-selected', { questionId: next.questionId });
      }
      return landed(written, undefined);
    });
  }

  async submitScorecard(participant: ParticipantRecord, input: ScorecardInput): Promise<void> {
    await this.submit(participant, input, 'scorecard');
  }

  async submitSelfAssessment(participant: ParticipantRecord, input: SelfAssessmentInput): Promise<void> {
    await this.submit(participant, input, 'self-assessment');
  }

  private async submit(
    participant: ParticipantRecord,
    input: ScorecardInput | SelfAssessmentInput,
    kind: FeedbackRecord['kind'],
  ): Promise<void> {
    {
      const round = await this.store.getRound(participant.roomId, input.round);
      if (!round) throw new AppError('NOT_FOUND', 'There is no such round.');
      await this.records.warm([round.questionId]);
      const author = kind === 'scorecard' ? round.interviewerId : round.candidateId;
      if (participant.id !== author) {
        throw new AppError(
          'FORBIDDEN',
          kind === 'scorecard'
            ? "Only this round's interviewer fills its scorecard."
            : "Only this round's candidate fills its self-assessment.",
        );
      }
      if (round.endedAt === null)
        throw new AppError('BAD_REQUEST', 'End the interview before giving feedback.');
      // Feedback is on the revealed question's rubric; a round whose question was never shown has none.
      const revealed = round.revealedAt !== null ? this.records.question(round.questionId) : undefined;
      const expected = criteriaOf(revealed).map((c) => c.id);
      const given = input.ratings.map((r) => r.criterionId);
      if (given.length !== expected.length || !expected.every((id) => given.includes(id))) {
        throw new AppError('BAD_REQUEST', `Rate each criterion once: ${expected.join(', ') || 'none'}.`);
      }
      // Feedback is final: neither side may rewrite theirs after reading the other's.
      const already = new AppError(
        'CONFLICT',
        kind === 'scorecard'
          ? 'The scorecard of this round is already submitted and cannot be changed.'
          : 'Your self-assessment of this round is already submitted and cannot be changed.',
      );
      const existing = await this.store.listFeedback(round.roomId);
      if (existing.some((f) => f.round === round.number && f.kind === kind)) throw already;
      try {
        await this.store.saveFeedback({
          roomId: round.roomId,
          round: round.number,
          kind,
          authorId: participant.id,
          submittedAt: this.now(),
          data: { ...input },
        });
      } catch (err) {
        if (err instanceof FeedbackExistsError) throw already;
        throw err;
      }
      await this.records.record(
        round,
        kind === 'scorecard' ? 'scorecard-submitted' : 'self-assessment-submitted',
        {
          by: participant.id,
        },
      );
    }
  }

  /**
   * Ends the round (if it has not ended) and opens the next with the seats exchanged, in one
   * guarded transaction (S-ROUND-1): seats live on rounds, so the new round's are the roles.
   */
  private async swap(room: RoomRecord, round: RoundRecord): Promise<Written> {
    this.checkRoundsLeft(round);
    const now = this.now();
    const ending =
      round.endedAt === null
        ? { endedAt: now, timer: applyTimerCommand(round.timer, { action: 'pause' }, now) }
        : {};
    // A swap replays the round's type; with a loop plan it plays no new stage (Next round does).
    const next = newRound(
      round.roomId,
      round.number + 1,
      round.roundType,
      { interviewerId: round.candidateId, candidateId: round.interviewerId },
      now,
    );
    const written = await this.store.startNextRound(
      round.roomId,
      { number: round.number, patch: ending },
      next,
      room.revision,
    );
    if (written !== 'written') return written;
    // At once, before any other frame is handled: the ended round's writers lose their rights.
    this.seatChanges.emit(round.roomId, next.number);
    await this.records.record(next, 'roles-swapped', {
      interviewerId: next.interviewerId,
      candidateId: next.candidateId,
    });
    return written;
  }

  /** Refuses a round past the room's last (ROUNDS_PER_ROOM). */
  private checkRoundsLeft(current: RoundRecord): void {
    if (current.number >= this.maxRounds) {
      throw new AppError(
        'BAD_REQUEST',
        `This room has had ${this.maxRounds} rounds, the most a room may. Create a new room to go on.`,
      );
    }
  }

  /** The other seated player of the round; refuses anyone who is not one of the two. */
  private otherPlayer(round: RoundRecord, participant: ParticipantRecord): string {
    if (participant.id === round.interviewerId && round.candidateId) return round.candidateId;
    if (participant.id === round.candidateId && round.interviewerId) return round.interviewerId;
    throw new AppError('FORBIDDEN', 'Only the two players of the round can do that.');
  }
}
