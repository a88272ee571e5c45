import type { JsonValue, ServerLanguage } from '@mockloop/shared';

/** One run for a sandbox: the code and, for tests, the entry and each call's arguments only. */
export interface ExecJob {
  id: string;
  language: ServerLanguage;
  code: string;
  /** The function the harness calls; absent for a plain run. */
  entry?: string;
  /** Each test's arguments (never its expected value: that stays with the judge). */
  calls?: JsonValue[][];
  /** Wall time for the program once it starts; compiling has its own. */
  timeLimitMs: number;
}

/** What the harness said one call returned (or threw), unjudged. */
export interface CallReport {
  value?: JsonValue;
  error?: string;
  timeMs: number;
}

export type ExecStatus = 'ok' | 'error' | 'timeout' | 'crashed';

/** How a run went, as the sandbox saw it; pass or fail is decided from `calls` by the judge. */
export interface ExecOutcome {
  status: ExecStatus;
  output: string;
  truncated: boolean;
  /** A compile error with editor lines, or why the program stopped. */
  error?: string;
  /** The harness's reports in order; absent when the program did not finish cleanly. */
  calls?: CallReport[];
  /** Time spent compiling, for languages that compile. */
  compileMs?: number;
  /** Time from the program's start to its end. */
  runMs: number;
}

/** Progress of a run for the person waiting: where it is in line, then its phases, and output. */
export type ExecProgress =
  | { stage: 'queued'; position: number }
  | { stage: 'compiling' | 'running' }
  | { stage: 'output'; text: string };
