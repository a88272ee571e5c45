import { CODE_DOC, type JsonValue } from '@mockloop/shared';
import type * as Y from 'yjs';
import type { RunTest } from '../../runner/types';

/** A test case a player added to Run tests, as the room's code document holds it (P-RUN-4). */
export interface CustomTest {
  id: string;
  by: string;
  args: JsonValue[];
  expected: JsonValue;
}

export const MAX_CUSTOM_TESTS = 20;
/** JSON characters one test case may take (its arguments and expected value together). */
export const MAX_CUSTOM_TEST_CHARS = 4096;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value is plain JSON, at most `depth` levels deep (no functions, no NaN). */
function isJson(value: unknown, depth = 16): value is JsonValue {
  if (depth < 0) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth - 1));
  if (isRecord(value)) return Object.values(value).every((v) => isJson(v, depth - 1));
  return false;
}

/** One stored record as a test case, or null when it does not have the shape (a peer wrote it). */
export function readCustomTest(value: unknown): CustomTest | null {
  if (!isRecord(value)) return null;
  const { id, by, args, expected } = value;
  if (typeof id !== 'string' || id.length > 64 || typeof by !== 'string') return null;
  if (!Array.isArray(args) || !isJson(args) || !isJson(expected)) return null;
  if (JSON.stringify([args, expected]).length > MAX_CUSTOM_TEST_CHARS) return null;
  return { id, by: by.slice(0, 40), args, expected };
}

/** The room's custom tests, well-formed ones only, at most MAX_CUSTOM_TESTS. */
export function readCustomTests(doc: Y.Doc): CustomTest[] {
  return doc
    .getArray<unknown>(CODE_DOC.customTests)
    .toArray()
    .map(readCustomTest)
    .filter((t): t is CustomTest => t !== null)
    .slice(0, MAX_CUSTOM_TESTS);
}

/**
 * What a person typed as a test case: the arguments as a JSON list and the expected value as
 * JSON. Answers the test, or the sentence that says what is wrong.
 */
export function parseCustomTest(
  argsText: string,
  expectedText: string,
  meta: { id: string; by: string },
): CustomTest | string {
  let args: unknown;
  let expected: unknown;
  try {
    args = JSON.parse(argsText);
  } catch {
    return 'The arguments are not JSON: write them as a list, like [["a", "b"], 2].';
  }
  if (!Array.isArray(args)) return 'Write the arguments as a JSON list, one item per parameter.';
  try {
    expected = JSON.parse(expectedText);
  } catch {
    return 'The expected value is not JSON: true, 3, "text", [1, 2] or {"a": 1}.';
  }
  const test = readCustomTest({ ...meta, args, expected });
  if (!test)
    return `A test case may hold at most ${MAX_CUSTOM_TEST_CHARS.toLocaleString('en')} characters of JSON.`;
  return test;
}

/** Adds a test case for the whole room; false when the room has MAX_CUSTOM_TESTS already. */
export function addCustomTest(doc: Y.Doc, test: CustomTest): boolean {
  const list = doc.getArray<unknown>(CODE_DOC.customTests);
  if (list.length >= MAX_CUSTOM_TESTS) return false;
  list.push([test]);
  return true;
}

export function removeCustomTest(doc: Y.Doc, id: string): void {
  const list = doc.getArray<unknown>(CODE_DOC.customTests);
  const index = list.toArray().findIndex((v) => isRecord(v) && v.id === id);
  if (index >= 0) list.delete(index, 1);
}

/** The room's test cases as tests the runner takes, named apart from the question's own. */
export function customRunTests(tests: readonly CustomTest[]): RunTest[] {
  return tests.map((t, i) => ({
    name: `Added ${i + 1} (${t.by || 'someone'})`,
    args: t.args,
    expected: t.expected,
  }));
}
