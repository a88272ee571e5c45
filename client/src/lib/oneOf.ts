/** `value` when it is one of `values` (a select's option, a stored choice), else null. */
export function oneOf<const T extends string>(values: readonly T[], value: unknown): T | null {
  return values.includes(value as T) ? (value as T) : null;
}
