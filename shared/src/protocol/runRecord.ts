import type { Language } from './languages.js';

/** Runs kept in the round's code document; older ones drop off. */
export const MAX_SHARED_RUNS = 20;
/** Output kept per shared run: peers see this much; the runner's own view keeps up to 1 MB. */
export const SHARED_OUTPUT_CHARS = 100_000;
const CELL_CHARS = 300;

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

/**
 * A run as recorded in the room's code document (`runs`), so both people (and a refresh, and the
 * replay) see it. A browser run is written by the page that ran it (P-RUN-1), a server run by the
 * server (P-SRUN-4).
 */
export interface SharedRun {
  id: string;
  by: { id: string; name: string };
  at: number;
  language: Language;
  kind: 'run' | 'tests' | 'hidden-tests';
  status: 'ok' | 'error' | 'timeout' | 'crashed';
  /** How long the code ran. */
  durationMs: number;
  /** How long the run waited for Python to load first, when it did (a box that was not warm). */
  readyMs?: number;
  output: string;
  error?: string;
  tests?: SharedTestRow[];
  /** For hidden tests: only how many passed. Their inputs, outputs and errors stay with the interviewer. */
  summary?: { passed: number; total: number };
  /** Where it ran: absent for the browser (runs recorded before server runs existed). */
  where?: 'browser' | 'server';
  /** A server run's compile time, for languages that compile. */
  compileMs?: number;
  /** The editor line an error points at, when it names one. */
  errorLine?: number;
}

function cell(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
}

/** A judged test as a shared row: arguments, expected and returned values rendered and cut. */
export function sharedTestRow(t: {
  name: string;
  args: unknown[];
  expected: unknown;
  got: unknown;
  error?: string;
  timeMs: number;
  pass: boolean;
}): SharedTestRow {
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

/** A run's output as the room keeps it: at most SHARED_OUTPUT_CHARS, with a note when cut. */
export function sharedOutput(output: string): string {
  return output.length > SHARED_OUTPUT_CHARS
    ? `${output.slice(0, SHARED_OUTPUT_CHARS)}\n[output shortened for the room: ${output.length} characters]`
    : output;
}
