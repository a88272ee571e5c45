import { z } from 'zod';

/** Any JSON value: the language-neutral currency of test arguments and expected results. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Where a value stops being JSON, and why; undefined when the whole value is JSON. */
export function findNonJson(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; reason: string } | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    // YAML accepts .inf and .nan, which JSON cannot carry to a runner.
    return Number.isFinite(value) ? undefined : { path, reason: `${value} is not a JSON number` };
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNonJson(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNonJson(item, [...path, key]);
      if (found) return found;
    }
    return undefined;
  }
  return { path, reason: `expected a JSON value, got ${typeof value}` };
}

/**
 * Accepts exactly the JSON values and reports the first offending path. Written by hand because
 * z.json() reports every failure as a bare "Invalid input" at the top.
 */
export const JsonValue = z
  .custom<JsonValue>(() => true)
  .superRefine((value, ctx) => {
    const found = findNonJson(value);
    if (found) ctx.addIssue({ code: 'custom', path: found.path, message: found.reason });
  });
