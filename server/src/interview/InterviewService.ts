import {
  CODE_DOC,
  docName,
  type InterviewerBrief,
  type Language,
  OWN_QUESTION_PREFIX,
  type Question,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import { landed, untilWritten } from '../common/untilWritten.js';
import type { DocEditor } from '../documents/DocEditor.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { mutateCurrentRound } from '../rounds/mutateCurrentRound.js';
import { RoundRecords } from '../rounds/RoundRecords.js';
import { freshTimer, untouched } from '../rounds/timer.js';
import type { ParticipantRecord, RoundRecord, Store } from '../store/Store.js';
import { detailsRevealed } from './detailsRevealed.js';
import { interviewerQuestion } from './interviewerQuestion.js';
import type { SeenQuestions } from './SeenQuestions.js';

/**
 * The interviewer's console: pick a question, reveal it, reveal hints one by one, and the brief
 * (for the interviewer's channel only) with all of the question. What everyone sees of a round is
 * RoundViews': a question only once revealed, hints only once revealed.
 */
export class InterviewService {
  constructor(
    private readonly store: Store,
    private readonly bank: QuestionBank,
    private readonly docs: DocEditor,
    private readonly now: () => number = Date.now,
    /** What each person's browser has seen, for the brief's `candidateSeen` (P-SEEN-1). */
    private readonly seen?: SeenQuestions,
  ) {
    this.records = new RoundRecords(store, bank, now);
  }

  private readonly records: RoundRecords;

  /** The brief and whom it is for: the current round's interviewer, read now. */
  async interviewerBrief(roomId: string): Promise<{ interviewerId: string | null; brief: InterviewerBrief }> {
    const [room, round] = await Promise.all([this.store.getRoom(roomId), this.records.warmCurrent(roomId)]);
    return { interviewerId: round.interviewerId, brief: this.briefOf(round, room?.loop?.trackId ?? null) };
  }

  async brief(roomId: string): Promise<InterviewerBrief> {
    return (await this.interviewerBrief(roomId)).brief;
  }

  private briefOf(round: RoundRecord, loopTrackId: string | null): InterviewerBrief {
    const candidateSeen = [...(this.seen?.get(round.roomId, round.candidateId) ?? [])];
    const question = this.records.question(round.questionId);
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
      candidateSeen,
    };
  }

  /** Picks the round's question; allowed until it is revealed. */
  async selectQuestion(interviewer: ParticipantRecord, questionId: string, author?: string): Promise<void> {
    // One of My questions only with its author's secret (P-MYQ-6); a bank question by its id.
    const question = questionId.startsWith(OWN_QUESTION_PREFIX)
      ? await this.bank.own?.pick(author, questionId)
      : this.records.question(questionId);
    if (!question)
      throw new AppError('NOT_FOUND', 'There is no such question in the bank or in your questions.');
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
    await this.records.record(round, 'question-selected', { questionId });
  }

  /**
   * Shows the picked question to everyone; for coding questions, puts the starter code in the
   * editor once (P-PRIV-4): the reveal claims it in the same guarded write, so of two reveals
   * racing on any nodes only one inserts it.
   */
  async revealQuestion(interviewer: ParticipantRecord, part?: 'prompt'): Promise<void> {
    await this.records.warmCurrent(interviewer.roomId);
    const { result, round, written } = await mutateCurrentRound(this.store, interviewer.roomId, (round) => {
      requireOpenRoundInterviewer(round, interviewer, 'reveal the question');
      const question = this.records.question(round.questionId);
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
    if (result.first)
      await this.records.record(round, 'question-revealed', { questionId: result.question.id });
    if (result.starter) await this.insertStarterCode(round, result.question);
  }

  /** Reveals the next hint to everyone and records when. */
  async revealHint(interviewer: ParticipantRecord): Promise<void> {
    await this.records.warmCurrent(interviewer.roomId);
    const { result, round } = await mutateCurrentRound(this.store, interviewer.roomId, (round) => {
      requireOpenRoundInterviewer(round, interviewer, 'reveal a hint');
      const question = this.records.question(round.questionId);
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
    await this.records.record(round, 'hint-revealed', result);
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
