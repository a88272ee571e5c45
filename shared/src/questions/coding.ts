import { z } from 'zod';
import { JsonValue } from './json.js';
import { NonBlank } from './text.js';
import { parseValueType, ValueTypeError } from './valueType.js';

const SnakeCase = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a snake_case identifier');
const CamelCase = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase identifier');

/**
 * The function name the runner calls, per language, following each language's convention. Java,
 * C++ and Go use the JavaScript name unless the file gives their own; Python + numpy uses Python's.
 */
export const EntryNames = z.strictObject({
  python: SnakeCase,
  javascript: CamelCase,
  typescript: CamelCase,
  java: CamelCase.optional(),
  cpp: CamelCase.optional(),
  go: CamelCase.optional(),
});
export type EntryNames = z.infer<typeof EntryNames>;

/**
 * NonBlank per starter language: starter code and one-line signatures. Java, C++ and Go are
 * generated from the typed parameters when the file leaves them out (the loader fills them in).
 */
export const PerStarterLanguage = z.strictObject({
  python: NonBlank,
  javascript: NonBlank,
  typescript: NonBlank,
  java: NonBlank.optional(),
  cpp: NonBlank.optional(),
  go: NonBlank.optional(),
});
export type PerStarterLanguage = z.infer<typeof PerStarterLanguage>;

/** A type in the grammar of valueType.ts (`list<tuple<id: int, score: float>>`), checked as it parses. */
export const ValueTypeText = z.string().superRefine((text, ctx) => {
  try {
    parseValueType(text);
  } catch (error) {
    if (!(error instanceof ValueTypeError)) throw error;
    ctx.addIssue({ code: 'custom', message: `not a type: ${error.message}` });
  }
});

/**
 * One positional argument of the entry function; `type` is a language-neutral description for
 * people, `valueType` the machine-readable type the compiled languages' signatures come from.
 */
export const Parameter = z.strictObject({
  name: NonBlank,
  type: NonBlank,
  valueType: ValueTypeText.optional(),
  description: NonBlank,
});
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
  returns: z.strictObject({ type: NonBlank, valueType: ValueTypeText.optional(), description: NonBlank }),
  constraints: z.array(NonBlank).min(1, 'state at least one constraint (sizes, ordering, tie-breaks)'),
  examples: z.array(Example).min(1, 'needs at least one example'),
  starterCode: PerStarterLanguage,
  /** How long one run may take before it is stopped; the runner's default is 5 s. */
  runTimeLimitSeconds: z.number().int().min(1).max(60).optional(),
  /** The question needs Python's data stack: it names "Python + numpy" as the language to answer in. */
  needsNumpy: z.boolean().optional(),
});
export type CodingProblem = z.infer<typeof CodingProblem>;
