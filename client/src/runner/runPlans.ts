import { type InterviewerBrief, LANGUAGE_LABELS, type RoomState } from '@mockloop/shared';
import type { SharedRun } from './sharedRuns';
import {
  DEFAULT_TIME_LIMIT_MS,
  RUNNABLE_LANGUAGES,
  type RunLanguage,
  type RunRequest,
  type RunTest,
} from './types';

export interface RunPlan {
  request: RunRequest;
  kind: SharedRun['kind'];
  timeLimitMs: number;
}

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
  /** The room's own test cases (P-RUN-4): they join the public tests, never the hidden ones. */
  added: RunTest[] = [],
): RunPlans {
  const language = room.language;
  if (!isPlayer) return { blocked: 'Only the two players run code' };
  if (!RUNNABLE_LANGUAGES.includes(language)) {
    return {
      blocked: `${LANGUAGE_LABELS[language]} cannot run in the browser yet: switch to Python, JavaScript or TypeScript`,
    };
  }
  const lang = language as RunLanguage;
  const question = room.round.question;
  const coding = question?.coding;
  const entry = coding?.entry[lang];
  const timeLimitMs = coding?.runTimeLimitSeconds ? coding.runTimeLimitSeconds * 1000 : DEFAULT_TIME_LIMIT_MS;
  const hiddenTests =
    brief?.revealed && brief.round === room.round.number ? (brief.selected?.hiddenTests ?? []) : [];
  const plans: RunPlans = { run: { request: { language: lang, code }, kind: 'run', timeLimitMs } };
  if (entry && question?.publicTests) {
    plans.tests = {
      request: { language: lang, code, entry, tests: [...question.publicTests, ...added] },
      kind: 'tests',
      timeLimitMs,
    };
  }
  if (entry && hiddenTests.length > 0) {
    plans.hidden = {
      request: { language: lang, code, entry, tests: hiddenTests },
      kind: 'hidden-tests',
      timeLimitMs,
    };
  }
  return plans;
}
