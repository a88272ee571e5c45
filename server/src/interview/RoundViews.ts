import type { PublicQuestion, Question, RoomState, RoundSummary, RoundView } from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import { loopView } from '../loop/loopPlans.js';
import { criteriaOf } from '../questions/criteria.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { publicQuestion } from '../questions/publicQuestion.js';
import { revealedHints } from '../questions/revealedHints.js';
import { RoundRecords } from '../rounds/RoundRecords.js';
import type { RoomStore } from '../store/RoomStore.js';
import type { FeedbackRecord, LoopPlanRecord, RoundRecord } from '../store/records.js';
import { detailsRevealed } from './detailsRevealed.js';

/**
 * What everyone in a room sees of its rounds (`room:state`): the current round's view and every
 * round's summary, built from allow-lists so nothing private can be in them (P-PRIV-1): a
 * question only once revealed (its prompt alone until the rest is), hints only once revealed,
 * criterion names only once the round is over, and of feedback only whether it was given.
 */
export class RoundViews {
  private readonly records: RoundRecords;

  constructor(
    private readonly store: RoomStore,
    private readonly bank: QuestionBank,
  ) {
    this.records = new RoundRecords(store, bank);
  }

  async roundView(roomId: string): Promise<RoundView> {
    return this.viewOf(await this.records.warmCurrent(roomId), await this.store.listFeedback(roomId));
  }

  /**
   * The current round's view, every round's summary and the room's place in its loop plan (read
   * with the room by the caller; a plan never changes), for `room:state`: the rounds and the
   * feedback read once for all.
   */
  async roundsState(
    roomId: string,
    plan: LoopPlanRecord | null,
  ): Promise<Pick<RoomState, 'roundType' | 'loop' | 'round' | 'rounds'>> {
    const [rounds, feedback] = await Promise.all([
      this.store.listRounds(roomId),
      this.store.listFeedback(roomId),
    ]);
    const current = rounds.at(-1);
    if (!current) throw new AppError('NOT_FOUND', 'This room does not exist.');
    await this.records.warm(rounds.map((r) => r.questionId));
    return {
      roundType: current.roundType,
      loop: plan ? loopView(this.bank, plan, rounds) : null,
      round: this.viewOf(current, feedback),
      rounds: rounds.map((r) => this.summaryOf(r, feedback)),
    };
  }

  private viewOf(round: RoundRecord, feedback: readonly FeedbackRecord[]): RoundView {
    const question = round.revealedAt !== null ? this.records.question(round.questionId) : undefined;
    return {
      number: round.number,
      question: question ? visibleQuestion(question, round) : null,
      revealedAt: round.revealedAt,
      morePending: question !== undefined && !detailsRevealed(round, question),
      hints: question ? revealedHints(question, round.hintTimes) : [],
      interviewerId: round.interviewerId,
      candidateId: round.candidateId,
      timer: { ...round.timer },
      endedAt: round.endedAt,
      // Criterion names reach the room only once the round is over, for the self-assessment.
      criteria: round.endedAt !== null ? criteriaOf(question) : [],
      feedback: feedbackGiven(feedback, round.number),
    };
  }

  /** One round of the room, for the list: the title only of a revealed question. */
  private summaryOf(round: RoundRecord, feedback: readonly FeedbackRecord[]): RoundSummary {
    const revealed = round.revealedAt !== null ? this.records.question(round.questionId) : undefined;
    return {
      number: round.number,
      roundType: round.roundType,
      title: revealed?.title ?? null,
      interviewerId: round.interviewerId,
      candidateId: round.candidateId,
      endedAt: round.endedAt,
      feedback: feedbackGiven(feedback, round.number),
      // The rubric a round's feedback rates is its revealed question's (as RoundService checks).
      criteria: round.endedAt !== null ? criteriaOf(revealed) : [],
    };
  }
}

/** The public question as far as it is revealed: the prompt alone until the rest is shown. */
function visibleQuestion(question: Question, round: RoundRecord): PublicQuestion {
  const shown = publicQuestion(question);
  if (detailsRevealed(round, question)) return shown;
  const { coding: _coding, publicTests: _tests, ...promptOnly } = shown;
  return promptOnly;
}

/** Whether each side of a round has submitted its feedback (never the content). */
function feedbackGiven(feedback: readonly FeedbackRecord[], round: number): RoundView['feedback'] {
  const given = (kind: FeedbackRecord['kind']) => feedback.some((f) => f.round === round && f.kind === kind);
  return { scorecard: given('scorecard'), selfAssessment: given('self-assessment') };
}
