import { randomUUID } from 'node:crypto';
import {
  CODE_DOC,
  codeTextHash,
  docName,
  LANGUAGE_LABELS,
  MAX_SHARED_RUNS,
  type Question,
  type RunnerAvailability,
  SERVER_LANGUAGES,
  type ServerLanguage,
  type ServerRunProgress,
  type ServerRunRequest,
  type ServerRunResult,
  type SharedRun,
  sharedOutput,
  sharedTestRow,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import type { DocEditor } from '../documents/DocEditor.js';
import type { PerIpLimiter } from '../limits/PerIpLimiter.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import type { ParticipantRecord, RoundRecord, Store } from '../store/Store.js';
import { firstErrorLine } from './compileErrors.js';
import type { ExecJob, ExecOutcome } from './ExecJob.js';
import { type JudgedTest, judgeCalls } from './judgeCalls.js';
import { type RunQueue, RunRefused } from './RunQueue.js';
import type { RunnerSettings } from './runnerSettings.js';

/** Code larger than this is not run (a document may hold 4 MiB; no answer needs that much). */
export const MAX_RUN_CODE_CHARS = 512 * 1024;
/** How long the server waits for the editor's last keystrokes to reach its copy of the document. */
const SYNC_WAIT_MS = 3000;
/** A hidden run's shared times are rounded to this, so they say little about the hidden inputs. */
const HIDDEN_TIME_STEP_MS = 100;

export interface RunBudgets {
  /** Runs one person may start (1 point a run). */
  perPerson: PerIpLimiter;
  /** Seconds a room, and an address, may use (charged after each run). */
  perRoom: PerIpLimiter;
  perAddress: PerIpLimiter;
}

/**
 * Server runs for the room (P-SRUN-1..6): who may run what, the code from the round's document,
 * the tests from the bank (hidden ones for the interviewer alone), fair use, the queue, the
 * verdict (judged here, never in the sandbox), and the run's record appended to the round's code
 * document by the server, so both people see it and nobody can write it for the server.
 */
export class RunService {
  constructor(
    private readonly store: Store,
    private readonly bank: QuestionBank,
    private readonly docs: DocEditor,
    private readonly queue: RunQueue,
    private readonly budgets: RunBudgets,
    private readonly settings: Pick<
      RunnerSettings,
      'runsPerMinute' | 'roomSecondsPerHour' | 'addressSecondsPerHour'
    >,
    private readonly now: () => number = Date.now,
  ) {}

  /** Which server languages can run here now (P-SRUN-6); "getting ready" while still checked. */
  languages(): RunnerAvailability {
    const known = this.queue.current();
    if (known) return known;
    return Object.fromEntries(
      SERVER_LANGUAGES.map((l) => [
        l,
        {
          available: false,
          preparing: true,
          reason: `${LANGUAGE_LABELS[l]} is getting ready on this server…`,
        },
      ]),
    ) as RunnerAvailability;
  }

  async request(
    participant: ParticipantRecord,
    request: ServerRunRequest,
    address: string,
    onProgress: (progress: ServerRunProgress) => void,
  ): Promise<ServerRunResult> {
    const [room, round] = await Promise.all([
      this.store.getRoom(participant.roomId),
      this.store.getCurrentRound(participant.roomId),
    ]);
    if (!room || !round) throw new AppError('NOT_FOUND', 'This room does not exist.');
    const isPlayer = participant.id === round.interviewerId || participant.id === round.candidateId;
    if (!isPlayer) throw new AppError('FORBIDDEN', 'Only the two players of this round run code.');
    if (round.endedAt !== null) throw new AppError('FORBIDDEN', 'This round has ended.');
    const language = request.language;
    if (room.language !== language) {
      throw new AppError(
        'CONFLICT',
        `The room is on ${LANGUAGE_LABELS[room.language]} now, not ${LANGUAGE_LABELS[language]}.`,
      );
    }
    const availability = (await this.queue.availability())[language];
    if (!availability.available)
      throw new AppError('FORBIDDEN', availability.reason ?? 'It cannot run here.');
    await this.bank.own?.warm([round.questionId]);
    const tests = this.testsFor(request.kind, participant, round, language);
    const code = await this.codeOf(round, request.textHash);
    await this.checkBudgets(participant, address);

    const runId = randomUUID();
    const job: ExecJob = { id: runId, language, code, timeLimitMs: tests?.timeLimitMs ?? 5000 };
    if (tests) {
      job.entry = tests.entry;
      job.calls = tests.cases.map((t) => t.args);
    }
    const submitted = this.now();
    let started: number | null = null;
    let outcome: ExecOutcome;
    try {
      outcome = await this.queue.submit(job, (progress) => {
        if (progress.stage !== 'queued') started ??= this.now();
        // Output of a hidden run goes to its requester only (it may print the hidden inputs).
        onProgress({ runId, ...progress } as ServerRunProgress);
      });
    } catch (err) {
      if (err instanceof RunRefused)
        throw new AppError(err.code === 'BUSY' ? 'RATE_LIMITED' : 'FORBIDDEN', err.message);
      throw err;
    }
    const seconds = Math.ceil(((outcome.compileMs ?? 0) + outcome.runMs) / 1000);
    await Promise.all([
      this.budgets.perRoom.charge(room.id, seconds),
      this.budgets.perAddress.charge(address, seconds),
    ]);

    const result: ServerRunResult = {
      runId,
      language,
      status: outcome.status,
      output: outcome.output,
      truncated: outcome.truncated,
      runMs: Math.round(outcome.runMs),
      queuedMs: Math.max(0, (started ?? this.now()) - submitted),
    };
    if (outcome.compileMs !== undefined) result.compileMs = Math.round(outcome.compileMs);
    if (outcome.error) {
      result.error = outcome.error;
      const line = firstErrorLine(outcome.error) ?? firstErrorLine(outcome.output);
      if (line !== null) result.errorLine = line;
    }
    if (tests && outcome.status === 'ok') result.tests = judgeCalls(tests.cases, outcome.calls ?? []);
    await this.record(round, participant, request.kind, result);
    return result;
  }

  /** The tests a run of this kind calls, from the bank; null for a plain run. */
  private testsFor(
    kind: ServerRunRequest['kind'],
    participant: ParticipantRecord,
    round: RoundRecord,
    language: ServerLanguage,
  ): { entry: string; cases: JudgedTest[]; timeLimitMs: number } | null {
    const question = round.questionId
      ? (this.bank.questions.find((q) => q.id === round.questionId) ?? this.bank.own?.find(round.questionId))
      : undefined;
    const revealed =
      question?.coding !== undefined && round.revealedAt !== null && round.starterFor === question.id;
    const timeLimitMs = (question?.coding?.runTimeLimitSeconds ?? 5) * 1000;
    if (kind === 'run') return null;
    if (!question?.coding || !revealed) throw new AppError('BAD_REQUEST', 'Reveal a coding question first.');
    if (kind === 'hidden-tests' && participant.id !== round.interviewerId) {
      throw new AppError('FORBIDDEN', 'Only the interviewer runs the hidden tests.');
    }
    const entry = entryFor(question, language);
    if (!entry)
      throw new AppError('BAD_REQUEST', `This question has no ${LANGUAGE_LABELS[language]} entry to test.`);
    const cases = (question.tests ?? [])
      .filter((t) => t.hidden === (kind === 'hidden-tests'))
      .map(({ name, args, expected }) => ({ name, args, expected }));
    return { entry, cases, timeLimitMs };
  }

  /** The round's code as the server holds it, once it matches what the person saw (bounded wait). */
  private async codeOf(round: RoundRecord, textHash: string): Promise<string> {
    const name = docName(round.roomId, 'code', round.number);
    const deadline = this.now() + SYNC_WAIT_MS;
    for (;;) {
      const code = await this.docs.read(name, (doc) => doc.getText(CODE_DOC.text).toString());
      if (codeTextHash(code) === textHash) {
        if (code.length > MAX_RUN_CODE_CHARS) {
          throw new AppError(
            'BAD_REQUEST',
            `The code is too long to run: ${MAX_RUN_CODE_CHARS / 1024} KB at most.`,
          );
        }
        return code;
      }
      if (this.now() > deadline) {
        throw new AppError(
          'CONFLICT',
          'Your latest edits have not reached the server yet: try Run again in a moment.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async checkBudgets(participant: ParticipantRecord, address: string): Promise<void> {
    const wait = (ms: number) => `${Math.max(1, Math.ceil(ms / 1000))} s`;
    const person = await this.budgets.perPerson.consume(participant.id);
    if (!person.allowed) {
      throw new AppError(
        'RATE_LIMITED',
        `You can start ${this.settings.runsPerMinute} runs a minute: wait ${wait(person.retryAfterMs)}.`,
      );
    }
    const room = await this.budgets.perRoom.peek(participant.roomId);
    if (!room.allowed) {
      throw new AppError(
        'RATE_LIMITED',
        `This room has used its ${this.settings.roomSecondsPerHour} run-seconds for the hour: wait ${wait(room.retryAfterMs)}.`,
      );
    }
    const fromAddress = await this.budgets.perAddress.peek(address);
    if (!fromAddress.allowed) {
      throw new AppError(
        'RATE_LIMITED',
        `Your address has used its ${this.settings.addressSecondsPerHour} run-seconds for the hour: wait ${wait(fromAddress.retryAfterMs)}.`,
      );
    }
  }

  /**
   * The run's record in the round's code document, written by the server (P-SRUN-4). A hidden
   * run's holds its status, the count that passed and coarse times only (P-SRUN-2).
   */
  private async record(
    round: RoundRecord,
    by: ParticipantRecord,
    kind: ServerRunRequest['kind'],
    result: ServerRunResult,
  ): Promise<void> {
    const hidden = kind === 'hidden-tests';
    const coarse = (ms: number) => (hidden ? Math.round(ms / HIDDEN_TIME_STEP_MS) * HIDDEN_TIME_STEP_MS : ms);
    const run: SharedRun = {
      id: result.runId,
      by: { id: by.id, name: by.name },
      at: this.now(),
      language: result.language,
      kind,
      status: result.status,
      durationMs: coarse(result.runMs),
      output: hidden ? '' : sharedOutput(result.output),
      where: 'server',
    };
    if (result.compileMs !== undefined) run.compileMs = coarse(result.compileMs);
    if (hidden) {
      if (result.tests)
        run.summary = { passed: result.tests.filter((t) => t.pass).length, total: result.tests.length };
    } else {
      if (result.error) run.error = result.error;
      if (result.errorLine !== undefined) run.errorLine = result.errorLine;
      if (result.tests) run.tests = result.tests.map(sharedTestRow);
    }
    await this.docs.edit(docName(round.roomId, 'code', round.number), (doc) => {
      const runs = doc.getArray<SharedRun>(CODE_DOC.runs);
      runs.push([run]);
      if (runs.length > MAX_SHARED_RUNS) runs.delete(0, runs.length - MAX_SHARED_RUNS);
    });
  }
}

/** The function a language's harness calls: Python's name for Python + numpy, else the compiled name. */
export function entryFor(question: Question, language: ServerLanguage): string | undefined {
  const entry = question.coding?.entry;
  if (!entry) return undefined;
  return language === 'python-numpy' ? entry.python : (entry[language] ?? entry.javascript);
}
