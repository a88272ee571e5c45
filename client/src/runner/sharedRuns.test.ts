import { describe, expect, it } from 'vitest';
import { HIDDEN_TIME_STEP_MS, toSharedRun } from './sharedRuns';
import type { RunResult } from './types';

const result = (durationMs: number): RunResult => ({
  status: 'ok',
  output: '',
  truncated: false,
  durationMs,
  readyMs: 0,
  tests: [{ name: 'hidden', args: [1], expected: 1, got: 1, timeMs: durationMs, pass: true }],
});
const meta = (kind: 'hidden-tests' | 'tests', at: number) =>
  ({ id: 'r', by: { id: 'p', name: 'Ivy' }, at, language: 'python', kind }) as const;

describe('a hidden run’s shared times (P-RUN-4)', () => {
  it('P-RUN-4: share the duration in 100 ms steps and the time in whole seconds, so the code cannot signal through them', () => {
    const durations = [0.4, 1, 12.3, 99.9, 100, 100.1, 1234.5];
    const shared = durations.map((d) => toSharedRun(result(d), meta('hidden-tests', 1_700_000_123_456 + d)));
    expect(shared.map((s) => s.durationMs)).toEqual([100, 100, 100, 100, 100, 200, 1300]);
    for (const s of shared) {
      expect(s.durationMs % HIDDEN_TIME_STEP_MS).toBe(0);
      expect(s.at % 1000).toBe(0);
    }
    // 1 ms apart on the page, the same on the wire.
    const [a, b] = [41, 42].map((d) => toSharedRun(result(d), meta('hidden-tests', 1_700_000_000_000 + d)));
    expect(JSON.stringify({ ...a, id: '' })).toBe(JSON.stringify({ ...b, id: '' }));
    // Public tests keep their real times.
    expect(toSharedRun(result(12.3), meta('tests', 1_700_000_123_456))).toMatchObject({
      durationMs: 12,
      at: 1_700_000_123_456,
    });
  });
});
