import { z } from 'zod';
import { JsonValue } from './json.js';
import { NonBlank } from './text.js';

const SnakeCase = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a snake_case identifier');
const CamelCase = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase identifier');

/** The function name the runner calls, per language, following each language's convention. */
export const EntryNames = z.strictObject({ python: SnakeCase, javascript: CamelCase, typescript: CamelCase });
export type EntryNames = z.infer<typeof EntryNames>;

/** NonBlank per starter language: starter code and one-line signatures. */
export const PerStarterLanguage = z.strictObject({
  python: NonBlank,
  javascript: NonBlank,
  typescript: NonBlank,
});
export type PerStarterLanguage = z.infer<typeof PerStarterLanguage>;

/** One positional argument of the entry function; `type` is a language-neutral description. */
export const Parameter = z.strictObject({ name: NonBlank, type: NonBlank, description: NonBlank });
export type Parameter = z.infer<typeof Parameter>;

/** A worked example shown with the prompt; it is checked against the reference solutions too. */
export const Example = z.strictObject({
  args: z.array(JsonValue),
  expected: JsonValue,
  explanation: NonBlank.optional(),
});
export type Example = z.infer<typeof Example>;

/**
 * The candidate-facing half of a coding question: the exact input/output contract, examples and
 * starter code. Everything here is public; solutions and expected complexity live with the
 * interviewer notes.
 */
export const CodingProblem = z.strictObject({
  entry: EntryNames,
  signature: PerStarterLanguage,
  parameters: z.array(Parameter).min(1, 'needs at least one parameter'),
  returns: z.strictObject({ type: NonBlank, description: NonBlank }),
  constraints: z.array(NonBlank).min(1, 'state at least one constraint (sizes, ordering, tie-breaks)'),
  examples: z.array(Example).min(1, 'needs at least one example'),
  starterCode: PerStarterLanguage,
  /** How long one run may take in the browser before it is stopped; the runner's default is 5 s. */
  runTimeLimitSeconds: z.number().int().min(1).max(60).optional(),
});
export type CodingProblem = z.infer<typeof CodingProblem>;
