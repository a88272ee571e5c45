import { CODE_DOC } from '@mockloop/shared';
import type * as Y from 'yjs';
import type { RunLanguage, RunResult, RunStatus, TestOutcome } from './types';

/** Name of the Y.Array of runs inside the round's code document. */
export const RUNS_ARRAY = CODE_DOC.runs;
/** Runs kept in the document; older ones drop off. */
export const MAX_SHARED_RUNS = 20;
/** Output kept per shared run: peers see this much; the runner's own view keeps up to 1 MB. */
export const SHARED_OUTPUT_CHARS = 100_000;
const CELL_CHARS = 300;
/** A hidden-test run's duration is shared in steps of this (P-RUN-4). */
export const HIDDEN_TIME_STEP_MS = 100;
/** A wait for the runner shorter than this is not worth a word. */
const READY_SHOWN_FROM_MS = 50;

/** The run's times as its header says them: "ready in 3.1 s · ran in 12 ms", or "ran in 12 ms". */
export function runTimesText(run: Pick<SharedRun, 'durationMs' | 'readyMs'>): string {
  const ran = `ran in ${formatMs(run.durationMs)}`;
  return run.readyMs ? `ready in ${formatMs(run.readyMs)} · ${ran}` : ran;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One test row as everyone sees it: values already rendered, long ones shortened. */
export interface SharedTestRow {
  name: string;
  input: string;
  expected: string;
  got: string;
  timeMs: number;
  pass: boolean;
  error?: string;
}

/** A run as recorded in the room document, so both people (and a refresh) see it. */
export interface SharedRun {
  id: string;
  by: { id: string; name: string };
  at: number;
  language: RunLanguage;
  kind: 'run' | 'tests' | 'hidden-tests';
  status: RunStatus;
  /** How long the code ran. */
  durationMs: number;
  /** How long the run waited for Python to load first, when it did (a box that was not warm). */
  readyMs?: number;
  output: string;
  error?: string;
  tests?: SharedTestRow[];
  /** For hidden tests: only how many passed. Their inputs, outputs and errors stay with the interviewer. */
  summary?: { passed: number; total: number };
}

function cell(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
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
  run.output =
    result.output.length > SHARED_OUTPUT_CHARS
      ? `${result.output.slice(0, SHARED_OUTPUT_CHARS)}\n[output shortened for the room: ${result.output.length} characters]`
      : result.output;
  if (result.error) run.error = result.error;
  if (result.tests) run.tests = result.tests.map(testRow);
  return run;
}

export function testRow(t: TestOutcome): SharedTestRow {
  const row: SharedTestRow = {
    name: t.name,
    input: t.args.map(cell).join(', '),
    expected: cell(t.expected),
    got: t.error ? '—' : cell(t.got),
    timeMs: Math.round(t.timeMs * 100) / 100,
    pass: t.pass,
  };
  if (t.error) row.error = t.error;
  return row;
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
