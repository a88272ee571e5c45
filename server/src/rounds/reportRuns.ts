import { CODE_DOC, type RunSummary } from '@mockloop/shared';
import type * as Y from 'yjs';

/** More runs than the room keeps (the client keeps 20). */
const MAX_RUNS = 50;
const KINDS = new Set<RunSummary['kind']>(['run', 'tests', 'hidden-tests']);
const STATUSES = new Set<RunSummary['status']>(['ok', 'error', 'timeout', 'crashed']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const count = (value: unknown) =>
  Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : null;

/**
 * The runs a round's code document records, for the report. The players' browsers write them,
 * so each is read field by field and dropped when it does not have the shape: a name is cut to
 * 40 characters, counts must be whole, and a run's tests are only counted, never copied.
 */
export function reportRuns(doc: Y.Doc): RunSummary[] {
  const runs: RunSummary[] = [];
  for (const value of doc.getArray<unknown>(CODE_DOC.runs).toArray().slice(-MAX_RUNS)) {
    if (!isRecord(value) || !isRecord(value.by)) continue;
    const { at, kind, status } = value;
    if (typeof at !== 'number' || !Number.isFinite(at)) continue;
    if (!KINDS.has(kind as RunSummary['kind']) || !STATUSES.has(status as RunSummary['status'])) continue;
    const run: RunSummary = {
      at,
      by: typeof value.by.name === 'string' ? value.by.name.slice(0, 40) : '',
      kind: kind as RunSummary['kind'],
      status: status as RunSummary['status'],
    };
    if (Array.isArray(value.tests)) {
      run.passed = value.tests.filter((t) => isRecord(t) && t.pass === true).length;
      run.total = value.tests.length;
    } else if (isRecord(value.summary)) {
      const passed = count(value.summary.passed);
      const total = count(value.summary.total);
      if (passed !== null && total !== null && passed <= total) Object.assign(run, { passed, total });
    }
    runs.push(run);
  }
  return runs.sort((a, b) => a.at - b.at);
}
