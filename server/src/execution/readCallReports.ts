import type { JsonValue } from '@mockloop/shared';
import type { CallReport } from './ExecJob.js';

/**
 * The harness's JSON lines, one per call in order ({i, ms, value} or {i, ms, error}), read
 * strictly: a line that does not parse, skips or repeats an index, or carries neither a value nor
 * an error ends the list there. The judge then sees a count that does not match and fails every
 * test, as it does for a browser run (P-RUN-3).
 */
export function readCallReports(text: string): CallReport[] {
  const reports: CallReport[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      break;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) break;
    const { i, ms, value, error } = parsed as Record<string, unknown>;
    if (i !== reports.length) break;
    const timeMs = typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : 0;
    if (typeof error === 'string') reports.push({ error: error.slice(0, 2000), timeMs });
    else if ('value' in (parsed as object)) reports.push({ value: value as JsonValue, timeMs });
    else break;
  }
  return reports;
}
