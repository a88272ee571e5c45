import type { SharedRun } from '../../runner/sharedRuns';
import { errorLines, type LineError } from './errorLines';

/**
 * Where the room's latest run went wrong, as editor lines: its error and each failed test's, for
 * errorMarks. A run without an error (or no run) marks nothing.
 */
export function runErrors(runs: readonly SharedRun[]): LineError[] {
  const latest = runs.at(-1);
  if (!latest) return [];
  const texts = [latest.error ?? '', ...(latest.tests ?? []).map((t) => t.error ?? '')].filter(Boolean);
  // Lines past the end of the document are dropped by the marks themselves.
  return errorLines(texts.join('\n'), Number.MAX_SAFE_INTEGER);
}
