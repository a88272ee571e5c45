import { type JsonValue, jsonEqual } from '@mockloop/shared';
import { type BoxOutcome, type CallReport, MAX_RESULT_CHARS } from './sandboxProtocol';
import type { RunRequest, RunResult, RunTest, TestOutcome } from './types';

/**
 * Decides pass or fail in the page, from the values the box says the entry returned: the box
 * never sees an expected value and any flag it might send is ignored. Names, arguments and
 * expected values come from the page's own list. A report that does not hold exactly one result
 * per test fails every test: a box that skips, adds or reorders calls proves nothing.
 */
export function judgeTests(tests: RunTest[], calls: CallReport[] | undefined): TestOutcome[] {
  const counted = calls !== undefined && calls.length === tests.length;
  return tests.map((test, index) => {
    const call = counted ? calls[index] : undefined;
    if (!call) {
      const error = `The runner returned ${calls?.length ?? 0} results for ${tests.length} tests.`;
      return { ...test, got: null, error, timeMs: 0, pass: false };
    }
    if (call.error !== undefined) {
      return { ...test, got: null, error: call.error, timeMs: call.timeMs, pass: false };
    }
    const got = parseResult(call.json);
    if (got === undefined) {
      return {
        ...test,
        got: null,
        error: 'The result could not be read as JSON.',
        timeMs: call.timeMs,
        pass: false,
      };
    }
    return { ...test, got, timeMs: call.timeMs, pass: equal(got, test.expected) };
  });
}

function parseResult(json: string | undefined): JsonValue | undefined {
  if (json === undefined || json.length > MAX_RESULT_CHARS) return undefined;
  try {
    return JSON.parse(json) as JsonValue;
  } catch {
    return undefined;
  }
}

/** jsonEqual, where a value nested deep enough to exhaust the stack counts as different. */
function equal(got: JsonValue, expected: JsonValue): boolean {
  try {
    return jsonEqual(got, expected);
  } catch {
    return false;
  }
}

/** A finished run's result from what the box reported, with the tests judged here. */
export function judgeRun(
  request: RunRequest,
  outcome: BoxOutcome,
): Pick<RunResult, 'status' | 'error' | 'tests'> {
  const result: Pick<RunResult, 'status' | 'error' | 'tests'> = { status: outcome.status };
  if (outcome.error !== undefined) result.error = outcome.error;
  if (request.tests && outcome.status === 'ok') result.tests = judgeTests(request.tests, outcome.calls);
  return result;
}
