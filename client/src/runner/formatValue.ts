/** console.log-style formatting: strings as they are, everything else as compact JSON where possible. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Map) return `Map(${value.size}) ${formatValue(Object.fromEntries(value))}`;
  if (value instanceof Set) return `Set(${value.size}) ${formatValue([...value])}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // cycles
  }
}

export function formatArgs(args: unknown[]): string {
  return args.map(formatValue).join(' ');
}
