import {
  CODE_DOC,
  MAX_SHARED_RUNS,
  type SharedRun,
  type SharedTestRow,
  sharedOutput,
  sharedTestRow,
} from '@mockloop/shared';
import type * as Y from 'yjs';
import type { RunResult, TestOutcome } from './types';

export type { SharedRun, SharedTestRow } from '@mockloop/shared';
export { MAX_SHARED_RUNS } from '@mockloop/shared';

/** Name of the Y.Array of runs inside the round's code document. */
export const RUNS_ARRAY = CODE_DOC.runs;
/** A hidden-test run's duration is shared in steps of this (P-RUN-4). */
export const HIDDEN_TIME_STEP_MS = 100;
/** A wait for the runner shorter than this is not worth a word. */
const READY_SHOWN_FROM_MS = 50;

/**
 * The run's times as its header says them: "ready in 3.1 s · ran in 12 ms", "compiled in 0.9 s ·
 * ran in 140 ms" (a server run of a compiled language), or "ran in 12 ms".
 */
export function runTimesText(run: Pick<SharedRun, 'durationMs' | 'readyMs' | 'compileMs'>): string {
  const ran = `ran in ${formatMs(run.durationMs)}`;
  if (run.compileMs !== undefined) {
    // A compile that failed ran nothing: its time alone says it.
    return run.durationMs === 0
      ? `compiled in ${formatMs(run.compileMs)}`
      : `compiled in ${formatMs(run.compileMs)} · ${ran}`;
  }
  return run.readyMs ? `ready in ${formatMs(run.readyMs)} · ${ran}` : ran;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The shared record of a finished run. A hidden-test run keeps its status and pass count only
 * (P-RUN-2): not its output or error either, since the code under test saw the hidden inputs and
 * could print them.
 */
export function toSharedRun(
  result: RunResult,
  meta: Pick<SharedRun, 'id' | 'by' | 'at' | 'language' | 'kind'>,
): SharedRun {
  const run: SharedRun = {
    ...meta,
    status: result.status,
    durationMs: Math.round(result.durationMs),
    output: '',
  };
  if (result.readyMs >= READY_SHOWN_FROM_MS) run.readyMs = Math.round(result.readyMs);
  if (meta.kind === 'hidden-tests') {
    // The code under test chose how long to take, and saw the hidden inputs: its time to the
    // millisecond would carry bits of them to the room (P-RUN-4). Shared in 100 ms steps, and
    // the finish time in whole seconds.
    run.durationMs = Math.max(
      HIDDEN_TIME_STEP_MS,
      Math.ceil(result.durationMs / HIDDEN_TIME_STEP_MS) * HIDDEN_TIME_STEP_MS,
    );
    run.at = Math.floor(meta.at / 1000) * 1000;
    if (result.tests) {
      run.summary = { passed: result.tests.filter((t) => t.pass).length, total: result.tests.length };
    }
    return run;
  }
  run.output = sharedOutput(result.output);
  if (result.error) run.error = result.error;
  if (result.tests) run.tests = result.tests.map(testRow);
  return run;
}

export function testRow(t: TestOutcome): SharedTestRow {
  return sharedTestRow(t);
}

/** Appends a run and drops the oldest beyond the cap, in one transaction. */
export function appendRun(doc: Y.Doc, run: SharedRun): void {
  const runs = doc.getArray<SharedRun>(RUNS_ARRAY);
  doc.transact(() => {
    runs.push([run]);
    if (runs.length > MAX_SHARED_RUNS) runs.delete(0, runs.length - MAX_SHARED_RUNS);
  });
}

export function readRuns(doc: Y.Doc): SharedRun[] {
  return doc.getArray<SharedRun>(RUNS_ARRAY).toArray();
}

/** How a run ended, in a few words: "3/4 tests passed", "error", "stopped: time limit". */
export function runStatusText(run: SharedRun): string {
  if (run.status === 'timeout') return 'stopped: time limit';
  if (run.status === 'crashed') return 'crashed';
  if (run.status === 'error') return 'error';
  if (run.summary) return `${run.summary.passed}/${run.summary.total} hidden tests passed`;
  if (run.tests) return `${run.tests.filter((t) => t.pass).length}/${run.tests.length} tests passed`;
  return 'finished';
}
