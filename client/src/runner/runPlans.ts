import {
  type InterviewerBrief,
  isServerLanguage,
  LANGUAGE_LABELS,
  type RoomState,
  type RunnerAvailability,
  type ServerLanguage,
} from '@mockloop/shared';
import type { SharedRun } from './sharedRuns';
import {
  DEFAULT_TIME_LIMIT_MS,
  RUNNABLE_LANGUAGES,
  type RunLanguage,
  type RunRequest,
  type RunTest,
} from './types';

/** A run in this browser's sandbox, or one the server runs (P-SRUN-1) from the shared code. */
export type RunPlan =
  | { target: 'browser'; request: RunRequest; kind: SharedRun['kind']; timeLimitMs: number }
  | { target: 'server'; language: ServerLanguage; kind: SharedRun['kind']; code: string };

/** What can be run right now: the code, the public tests, the hidden tests (interviewer only). */
export interface RunPlans {
  /** Why nothing can run, when nothing can. */
  blocked?: string;
  run?: RunPlan;
  tests?: RunPlan;
  hidden?: RunPlan;
}

/** Works out the runs available to this person, with the editor's current text. */
export function runPlans(
  room: RoomState,
  brief: InterviewerBrief | null,
  isPlayer: boolean,
  code: string,
  /** What the server can run (null until it answered). */
  server: RunnerAvailability | null = null,
  /** The room's own test cases (P-RUN-4): they join the public tests, never the hidden ones. */
  added: RunTest[] = [],
): RunPlans {
  const language = room.language;
  if (!isPlayer) return { blocked: 'Only the two players run code' };
  const question = room.round.question;
  const coding = question?.coding;
  const hiddenTests =
    brief?.revealed && brief.round === room.round.number ? (brief.selected?.hiddenTests ?? []) : [];
  if (isServerLanguage(language)) {
    const status = server?.[language];
    if (!status) return { blocked: `Asking the server whether ${LANGUAGE_LABELS[language]} can run…` };
    if (!status.available)
      return { blocked: status.reason ?? `${LANGUAGE_LABELS[language]} cannot run here` };
    const plan = (kind: SharedRun['kind']): RunPlan => ({ target: 'server', language, kind, code });
    const plans: RunPlans = { run: plan('run') };
    // The server reads the tests from the bank: the page only says which kind.
    if (coding && question?.publicTests) plans.tests = plan('tests');
    if (coding && hiddenTests.length > 0) plans.hidden = plan('hidden-tests');
    return plans;
  }
  if (!RUNNABLE_LANGUAGES.includes(language)) {
    return { blocked: `${LANGUAGE_LABELS[language]} cannot run here` };
  }
  const lang = language as RunLanguage;
  const entry = coding?.entry[lang];
  const timeLimitMs = coding?.runTimeLimitSeconds ? coding.runTimeLimitSeconds * 1000 : DEFAULT_TIME_LIMIT_MS;
  const plans: RunPlans = {
    run: { target: 'browser', request: { language: lang, code }, kind: 'run', timeLimitMs },
  };
  if (entry && question?.publicTests) {
    plans.tests = {
      target: 'browser',
      request: { language: lang, code, entry, tests: [...question.publicTests, ...added] },
      kind: 'tests',
      timeLimitMs,
    };
  }
  if (entry && hiddenTests.length > 0) {
    plans.hidden = {
      target: 'browser',
      request: { language: lang, code, entry, tests: hiddenTests },
      kind: 'hidden-tests',
      timeLimitMs,
    };
  }
  return plans;
}
