import { z } from 'zod';
import { JsonValue } from './json.js';
import { NonBlank } from './text.js';

/**
 * A language-neutral test: the entry function is called with `args` spread positionally and its
 * result must deep-JSON-equal `expected`. `hidden` has no default on purpose: forgetting it must
 * fail validation rather than quietly publish a hidden case. In the file, args and expected may use
 * generators (see generators.ts); the loaded bank holds them expanded.
 */
export const TestCase = z.strictObject({
  name: NonBlank,
  args: z.array(JsonValue),
  expected: JsonValue,
  hidden: z.boolean(),
});
export type TestCase = z.infer<typeof TestCase>;

/** A test case as candidates see it: only public cases are ever projected to this shape. */
export const PublicTestCase = z.strictObject({
  name: NonBlank,
  args: z.array(JsonValue),
  expected: JsonValue,
});
export type PublicTestCase = z.infer<typeof PublicTestCase>;
