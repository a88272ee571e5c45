import {
  CODE_DOC,
  docName,
  type InterviewerBrief,
  type Language,
  type Question,
  type RoundSummary,
  type RoundView,
  type TimelineEventType,
} from '@mockloop/shared';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { publicQuestion } from '../questions/publicQuestion.js';
import { AppError } from '../rooms/AppError.js';
import { mutateCurrentRound } from '../rooms/mutateRound.js';
import { landed, untilWritten } from '../rooms/untilWritten.js';
import { criteriaOf } from '../rounds/criteria.js';
import { freshTimer, untouched } from '../rounds/timer.js';
import type { ParticipantRecord, RoundRecord, Store } from '../store/Store.js';
import type { DocEditor } from './DocEditor.js';
import { interviewerQuestion } from './interviewerQuestion.js';

const STARTER_LANGUAGES = ['python', 'javascript', 'typescript'] as const;
type StarterLanguage = (typeof STARTER_LANGUAGES)[number];

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
    const round = await this.currentRound(roomId);
    const question = round.revealedAt !== null ? this.question(round.questionId) : undefined;
    const feedback = (await this.store.listFeedback(roomId)).filter((f) => f.round === round.number);
    return {
      number: round.number,
      question: question ? publicQuestion(question) : null,
      revealedAt: round.revealedAt,
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
      feedback: {
        scorecard: feedback.some((f) => f.kind === 'scorecard'),
        selfAssessment: feedback.some((f) => f.kind === 'self-assessment'),
      },
    };
  }

  /** Every round of the room, newest last: titles only of revealed questions. */
  async roundSummaries(roomId: string): Promise<RoundSummary[]> {
    return (await this.store.listRounds(roomId)).map((round) => ({
      number: round.number,
      title: round.revealedAt !== null ? (this.question(round.questionId)?.title ?? null) : null,
      interviewerId: round.interviewerId,
      candidateId: round.candidateId,
      endedAt: round.endedAt,
    }));
  }

  /** The brief and whom it is for: the current round's interviewer, read now. */
  async interviewerBrief(roomId: string): Promise<{ interviewerId: string | null; brief: InterviewerBrief }> {
    const round = await this.currentRound(roomId);
    return { interviewerId: round.interviewerId, brief: this.briefOf(round) };
  }

  async brief(roomId: string): Promise<InterviewerBrief> {
    return this.briefOf(await this.currentRound(roomId));
  }

  private briefOf(round: RoundRecord): InterviewerBrief {
    const question = this.question(round.questionId);
    const persona = question
      ? this.bank.tracks.find((t) => t.id === question.trackId)?.personas[0]
      : undefined;
    return {
      round: round.number,
      selected: question ? interviewerQuestion(question) : null,
      revealed: round.revealedAt !== null,
      hintsRevealed: round.hintTimes.length,
      persona: persona
        ? {
            name: persona.name,
            title: persona.title,
            focus: persona.focus,
            guidance: persona.interviewerGuidance,
          }
        : null,
    };
  }

  /** Picks the round's question; allowed until it is revealed. */
  async selectQuestion(interviewer: ParticipantRecord, questionId: string): Promise<void> {
    requireInterviewer(interviewer, 'pick a question');
    const question = this.question(questionId);
    if (!question) throw new AppError('NOT_FOUND', 'There is no such question in the bank.');
    const { round } = await mutateCurrentRound(this.store, interviewer.roomId, (round) => {
      if (round.revealedAt !== null) {
        throw new AppError('BAD_REQUEST', 'The question of this round is already revealed.');
      }
      // The clock follows the question's suggested minutes until someone touches it.
      const timer = untouched(round.timer) ? freshTimer(question.timeLimitMinutes) : round.timer;
      return { patch: { questionId, timer }, result: null };
    });
    await this.record(round, 'question-selected', { questionId });
  }

  /**
   * Shows the picked question to everyone; for coding questions, puts the starter code in the
   * editor once (P-PRIV-4): the reveal claims it in the same guarded write, so of two reveals
   * racing on any nodes only one inserts it.
   */
  async revealQuestion(interviewer: ParticipantRecord): Promise<void> {
    requireInterviewer(interviewer, 'reveal the question');
    const {
      result: question,
      round,
      written,
    } = await mutateCurrentRound(this.store, interviewer.roomId, (round) => {
      const question = this.question(round.questionId);
      if (!question) throw new AppError('BAD_REQUEST', 'Pick a question first.');
      if (round.revealedAt !== null) return { patch: null, result: question }; // a no-op, not an error
      const starter = question.coding && round.starterFor !== question.id ? { starterFor: question.id } : {};
      return { patch: { revealedAt: this.now(), ...starter }, result: question };
    });
    if (!written) return;
    await this.record(round, 'question-revealed', { questionId: question.id });
    if (question.coding && round.starterFor !== question.id) await this.insertStarterCode(round, question);
  }

  /** Reveals the next hint to everyone and records when. */
  async revealHint(interviewer: ParticipantRecord): Promise<void> {
    requireInterviewer(interviewer, 'reveal a hint');
    const { result, round } = await mutateCurrentRound(this.store, interviewer.roomId, (round) => {
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
      if (isStarterLanguage(room.language)) return room.language;
      return landed(
        await this.store.updateRoom(room.id, { language: 'python' }, room.revision),
        'python' as const,
      );
    });
    const starter = coding.starterCode[language];
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

function requireInterviewer(participant: ParticipantRecord, action: string): void {
  if (participant.role !== 'interviewer')
    throw new AppError('FORBIDDEN', `Only the interviewer can ${action}.`);
}

function isStarterLanguage(language: Language | undefined): language is StarterLanguage {
  return (STARTER_LANGUAGES as readonly string[]).includes(language ?? '');
}
