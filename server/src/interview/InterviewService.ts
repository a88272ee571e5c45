import {
  CODE_DOC,
  docName,
  type InterviewerBrief,
  type Language,
  type PublicQuestion,
  type Question,
  type RoomState,
  type RoundSummary,
  type RoundView,
  type TimelineEventType,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import { landed, untilWritten } from '../common/untilWritten.js';
import type { DocEditor } from '../documents/DocEditor.js';
import { loopView } from '../loop/loopPlans.js';
import { criteriaOf } from '../questions/criteria.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { publicQuestion } from '../questions/publicQuestion.js';
import { mutateCurrentRound } from '../rounds/mutateCurrentRound.js';
import { freshTimer, untouched } from '../rounds/timer.js';
import type {
  FeedbackRecord,
  LoopPlanRecord,
  ParticipantRecord,
  RoundRecord,
  Store,
} from '../store/Store.js';
import { interviewerQuestion } from './interviewerQuestion.js';

/**
 * The interviewer's console: pick a question, reveal it, reveal hints one by one. Keeps private
 * data private by construction: `roundView` (for everyone) holds a question only once revealed
 * and hints only once revealed; `brief` (for the interviewer's channel only) holds the rest.
 */
export class InterviewService {
  constructor(
    private readonly store: Store,
    private readonly bank: QuestionBank,
    private readonly docs: DocEditor,
    private readonly now: () => number = Date.now,
  ) {}

  async roundView(roomId: string): Promise<RoundView> {
    return this.viewOf(await this.currentRound(roomId), await this.store.listFeedback(roomId));
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
    return {
      roundType: current.roundType,
      loop: plan ? loopView(this.bank, plan, rounds) : null,
      round: this.viewOf(current, feedback),
      rounds: rounds.map((r) => this.summaryOf(r, feedback)),
    };
  }

  private viewOf(round: RoundRecord, feedback: readonly FeedbackRecord[]): RoundView {
    const question = round.revealedAt !== null ? this.question(round.questionId) : undefined;
    return {
      number: round.number,
      question: question ? visibleQuestion(question, round) : null,
      revealedAt: round.revealedAt,
      morePending: question !== undefined && !detailsRevealed(round, question),
      hints: question
        ? round.hintTimes.map((revealedAt, index) => ({
            index,
            text: question.interviewer.hints[index] ?? '',
            revealedAt,
          }))
        : [],
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
    const revealed = round.revealedAt !== null ? this.question(round.questionId) : undefined;
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

  /** The brief and whom it is for: the current round's interviewer, read now. */
  async interviewerBrief(roomId: string): Promise<{ interviewerId: string | null; brief: InterviewerBrief }> {
    const [room, round] = await Promise.all([this.store.getRoom(roomId), this.currentRound(roomId)]);
    return { interviewerId: round.interviewerId, brief: this.briefOf(round, room?.loop?.trackId ?? null) };
  }

  async brief(roomId: string): Promise<InterviewerBrief> {
    return (await this.interviewerBrief(roomId)).brief;
  }

  private briefOf(round: RoundRecord, loopTrackId: string | null): InterviewerBrief {
    const question = this.question(round.questionId);
    const track = this.bank.tracks.find((t) => t.id === (question?.trackId ?? loopTrackId));
    const persona = question ? track?.personas[0] : undefined;
    return {
      round: round.number,
      selected: question ? interviewerQuestion(question) : null,
      revealed: round.revealedAt !== null,
      detailsRevealed: question !== undefined && detailsRevealed(round, question),
      hintsRevealed: round.hintTimes.length,
      persona: persona
        ? {
            name: persona.name,
            title: persona.title,
            focus: persona.focus,
            guidance: persona.interviewerGuidance,
          }
        : null,
      screen:
        round.roundType === 'recruiter-screen' && track
          ? {
              company: track.company.name,
              values: [...track.company.values],
              unwrittenRules: track.unwrittenRules.map((r) => ({
                title: r.title,
                description: r.description,
              })),
            }
          : null,
    };
  }

  /** Picks the round's question; allowed until it is revealed. */
  async selectQuestion(interviewer: ParticipantRecord, questionId: string): Promise<void> {
    const question = this.question(questionId);
    if (!question) throw new AppError('NOT_FOUND', 'There is no such question in the bank.');
    const { round } = await mutateCurrentRound(this.store, interviewer.roomId, (round) => {
      requireOpenRoundInterviewer(round, interviewer, 'pick a question');
      if (round.revealedAt !== null) {
        throw new AppError('BAD_REQUEST', 'The question of this round is already revealed.');
      }
      // The clock follows the question's suggested minutes until someone touches it; a round
      // of a loop plan keeps its stage's minutes.
      const timer =
        untouched(round.timer) && round.planStage === null
          ? freshTimer(question.timeLimitMinutes)
          : round.timer;
      return { patch: { questionId, timer }, result: null };
    });
    await this.record(round, 'question-selected', { questionId });
  }

  /**
   * Shows the picked question to everyone; for coding questions, puts the starter code in the
   * editor once (P-PRIV-4): the reveal claims it in the same guarded write, so of two reveals
   * racing on any nodes only one inserts it.
   */
  async revealQuestion(interviewer: ParticipantRecord, part?: 'prompt'): Promise<void> {
    const { result, round, written } = await mutateCurrentRound(this.store, interviewer.roomId, (round) => {
      requireOpenRoundInterviewer(round, interviewer, 'reveal the question');
      const question = this.question(round.questionId);
      if (!question) throw new AppError('BAD_REQUEST', 'Pick a question first.');
      // The prompt first only where there is more to show after it (a coding question's parts).
      const promptOnly = part === 'prompt' && question.coding !== undefined;
      const first = round.revealedAt === null;
      if (!first && (promptOnly || detailsRevealed(round, question))) {
        return { patch: null, result: { question, first: false, starter: false } }; // a no-op, not an error
      }
      const starter = !promptOnly && question.coding !== undefined && round.starterFor !== question.id;
      return {
        patch: {
          ...(first ? { revealedAt: this.now() } : {}),
          ...(starter ? { starterFor: question.id } : {}),
        },
        result: { question, first, starter },
      };
    });
    if (!written) return;
    if (result.first) await this.record(round, 'question-revealed', { questionId: result.question.id });
    if (result.starter) await this.insertStarterCode(round, result.question);
  }

  /** Reveals the next hint to everyone and records when. */
  async revealHint(interviewer: ParticipantRecord): Promise<void> {
    const { result, round } = await mutateCurrentRound(this.store, interviewer.roomId, (round) => {
      requireOpenRoundInterviewer(round, interviewer, 'reveal a hint');
      const question = this.question(round.questionId);
      if (!question || round.revealedAt === null)
        throw new AppError('BAD_REQUEST', 'Reveal the question first.');
      const index = round.hintTimes.length;
      if (index >= question.interviewer.hints.length) {
        throw new AppError('BAD_REQUEST', 'Every hint is already revealed.');
      }
      return {
        patch: { hintTimes: [...round.hintTimes, this.now()] },
        result: { questionId: question.id, index },
      };
    });
    await this.record(round, 'hint-revealed', result);
  }

  /** Writes the starter code the reveal claimed, switching the room to a language it has. */
  private async insertStarterCode(round: RoundRecord, question: Question): Promise<void> {
    const coding = question.coding;
    if (!coding) return;
    const language = await untilWritten(async () => {
      const room = await this.store.getRoom(round.roomId);
      if (!room) throw new AppError('NOT_FOUND', 'This room does not exist.');
      // A question that needs numpy moves a plain Python room to Python + numpy.
      const wanted = coding.needsNumpy && room.language === 'python' ? 'python-numpy' : room.language;
      if (wanted === room.language && starterFor(coding, wanted) !== undefined) return wanted;
      const next = starterFor(coding, wanted) !== undefined ? wanted : 'python';
      return landed(await this.store.updateRoom(room.id, { language: next }, room.revision), next);
    });
    const starter = starterFor(coding, language) ?? coding.starterCode.python;
    await this.docs.edit(docName(round.roomId, 'code', round.number), (doc) => {
      const text = doc.getText(CODE_DOC.text);
      const existing = text.toString();
      const prefix = existing.trim() === '' ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
      if (existing.trim() === '' && existing.length > 0) text.delete(0, existing.length);
      text.insert(text.length, prefix + starter);
    });
  }

  private async currentRound(roomId: string): Promise<RoundRecord> {
    const round = await this.store.getCurrentRound(roomId);
    if (!round) throw new AppError('NOT_FOUND', 'This room does not exist.');
    return round;
  }

  private question(id: string | null): Question | undefined {
    return id ? this.bank.questions.find((q) => q.id === id) : undefined;
  }

  private record(round: RoundRecord, type: TimelineEventType, data: Record<string, unknown>): Promise<void> {
    return this.store.appendEvent({ roomId: round.roomId, round: round.number, at: this.now(), type, data });
  }
}

/**
 * The seat check of every console action, made inside the guarded write against the round it
 * writes (P-SEAT-1): a role read when the event arrived may belong to a round that a swap or
 * Next round has replaced since. An ended round's question, hints and rubric are final (P-SEAT-2).
 */
function requireOpenRoundInterviewer(
  round: RoundRecord,
  participant: ParticipantRecord,
  action: string,
): void {
  if (round.interviewerId !== participant.id)
    throw new AppError('FORBIDDEN', `Only the interviewer of this round can ${action}.`);
  if (round.endedAt !== null) {
    throw new AppError(
      'BAD_REQUEST',
      `This round has ended: its question, hints and rubric stay as they were, so you cannot ${action} now.`,
    );
  }
}

/**
 * A language's starter code: its own (Java, C++ and Go ones generated from the typed signature),
 * or for Python + numpy Python's with numpy imported.
 */
function starterFor(coding: NonNullable<Question['coding']>, language: Language): string | undefined {
  if (language === 'python-numpy') {
    const python = coding.starterCode.python;
    return /^\s*import numpy/m.test(python) ? python : `import numpy as np\n\n${python}`;
  }
  return coding.starterCode[language];
}

/**
 * Whether all of a revealed question shows: a coding question's parts after its prompt come with
 * its starter code, so the round's `starterFor` says whether they were revealed (P-PRIV-1).
 */
function detailsRevealed(round: RoundRecord, question: Question): boolean {
  return round.revealedAt !== null && (question.coding === undefined || round.starterFor === question.id);
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
