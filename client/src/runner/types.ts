import type { JsonValue } from '@mockloop/shared';

export type RunLanguage = 'python' | 'javascript' | 'typescript';

export const RUNNABLE_LANGUAGES: readonly string[] = ['python', 'javascript', 'typescript'];

/**
 * A test as the page holds it: call the entry with `args`, compare with `expected`. Only `args`
 * ever enter the sandbox; `expected` stays in the page, which decides pass or fail.
 */
export interface RunTest {
  name: string;
  args: JsonValue[];
  expected: JsonValue;
}

export interface RunRequest {
  language: RunLanguage;
  code: string;
  /** The function to call for tests; absent for a plain run. */
  entry?: string;
  tests?: RunTest[];
}

export interface TestOutcome {
  name: string;
  args: JsonValue[];
  expected: JsonValue;
  /** The returned value as JSON, or null when the call threw. */
  got: JsonValue | null;
  error?: string;
  timeMs: number;
  pass: boolean;
}

export type RunStatus = 'ok' | 'error' | 'timeout' | 'crashed';

export interface RunResult {
  status: RunStatus;
  output: string;
  truncated: boolean;
  /** The error with a line number that matches the editor, when the code failed. */
  error?: string;
  tests?: TestOutcome[];
  /** How long the code ran, from the moment the runner had it. */
  durationMs: number;
  /**
   * How long the run waited for the runner to be ready before that (loading Python into a box
   * that was not warm); 0 when a warm spare took it at once.
   */
  readyMs: number;
}

/** Output beyond this is dropped with a notice (1 MB). */
export const MAX_OUTPUT_BYTES = 1024 * 1024;
export const DEFAULT_TIME_LIMIT_MS = 5000;
/** Loading Python may take this long before the run is given up (slow disks, cold caches). */
export const LOAD_TIME_LIMIT_MS = 120_000;
