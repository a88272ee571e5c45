import { type JsonValue, jsonEqual, type ServerTestRow } from '@mockloop/shared';
import type { CallReport } from './ExecJob.js';

export interface JudgedTest {
  name: string;
  args: JsonValue[];
  expected: JsonValue;
}

/**
 * Pass or fail, decided here, outside the sandbox, from the values the harness reported, with the
 * same `jsonEqual` as the browser (P-SRUN-3): the sandbox never had an expected value, and nothing
 * the program printed counts. A report list that does not hold exactly one entry per test fails
 * every test (a program that exits early or writes extra reports proves nothing).
 */
export function judgeCalls(tests: JudgedTest[], calls: CallReport[]): ServerTestRow[] {
  const counted = calls.length === tests.length;
  return tests.map((test, index) => {
    const call = counted ? calls[index] : undefined;
    if (!call) {
      const error = `The runner returned ${calls.length} results for ${tests.length} tests.`;
      return { ...test, got: null, error, timeMs: 0, pass: false };
    }
    if (call.error !== undefined || !('value' in call)) {
      return {
        ...test,
        got: null,
        error: call.error ?? 'No value came back.',
        timeMs: call.timeMs,
        pass: false,
      };
    }
    const got = call.value as JsonValue;
    return { ...test, got, timeMs: call.timeMs, pass: equal(got, test.expected) };
  });
}

/** jsonEqual, where a value nested deep enough to exhaust the stack counts as different. */
function equal(got: JsonValue, expected: JsonValue): boolean {
  try {
    return jsonEqual(got, expected);
  } catch {
    return false;
  }
}
