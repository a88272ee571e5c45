import type { z } from 'zod';
import type { CodingProblem } from './coding.js';
import type { JsonValue } from './json.js';
import { parseValueType, type ValueType, valueTypeMismatch } from './valueType.js';

/** A coding question's parameter and result types, when every one of them is given; else null. */
export function typedSignature(
  coding: Pick<CodingProblem, 'parameters' | 'returns'>,
): { params: Array<{ name: string; type: ValueType }>; returns: ValueType } | null {
  if (!coding.returns.valueType || coding.parameters.some((p) => !p.valueType)) return null;
  return {
    params: coding.parameters.map((p) => ({ name: p.name, type: parseValueType(p.valueType as string) })),
    returns: parseValueType(coding.returns.valueType),
  };
}

/**
 * The typed-signature rules of a question file: types on every parameter and the result or on
 * none, and every example's arguments and expected value of those types (tests, which may use
 * generators, are checked by the loader once expanded: `callMismatches`).
 */
export function typedSignatureIssues(coding: CodingProblem, ctx: z.RefinementCtx): void {
  const typed = [...coding.parameters.map((p) => p.valueType), coding.returns.valueType];
  if (typed.every((t) => t === undefined)) return;
  if (typed.some((t) => t === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['coding', 'parameters'],
      message: 'give a valueType to every parameter and to returns, or to none',
    });
    return;
  }
  let signature: ReturnType<typeof typedSignature>;
  try {
    signature = typedSignature(coding);
  } catch {
    return; // the type text itself is reported by its field's schema
  }
  if (!signature) return;
  const check = (args: JsonValue[], expected: JsonValue, path: (string | number)[]) => {
    for (const found of callMismatches(signature, args, expected)) {
      ctx.addIssue({ code: 'custom', path: [...path, ...found.path], message: found.reason });
    }
  };
  for (const [i, example] of coding.examples.entries()) {
    check(example.args, example.expected, ['coding', 'examples', i]);
  }
}

/**
 * Where a call's arguments or expected value do not fit the signature's types (paths from the
 * test: `args.1.0`, `expected`). Nothing when the number of arguments is off: the arity rule says so.
 */
export function callMismatches(
  signature: NonNullable<ReturnType<typeof typedSignature>>,
  args: JsonValue[],
  expected: JsonValue,
): Array<{ path: (string | number)[]; reason: string }> {
  if (args.length !== signature.params.length) return [];
  const out: Array<{ path: (string | number)[]; reason: string }> = [];
  for (const [i, param] of signature.params.entries()) {
    const found = valueTypeMismatch(args[i] as JsonValue, param.type);
    if (found) out.push({ path: ['args', i, ...found.path], reason: `${param.name}: ${found.reason}` });
  }
  const found = valueTypeMismatch(expected, signature.returns);
  if (found) out.push({ path: ['expected', ...found.path], reason: found.reason });
  return out;
}
