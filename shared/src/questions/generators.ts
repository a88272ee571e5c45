import type { JsonValue } from './json.js';

/** Cap on the elements one generator may produce, so a typo cannot exhaust memory at start-up. */
export const MAX_GENERATED_ITEMS = 1_000_000;

/** The generator keys test data may use; see questions/README.md for the full description. */
export const GENERATOR_KEYS = ['$range', '$repeat', '$concat', '$zip'] as const;

/** A generator that cannot be expanded; `path` points into the value handed to expandGenerators. */
export class GeneratorError extends Error {
  constructor(
    readonly path: (string | number)[],
    reason: string,
  ) {
    super(reason);
    this.name = 'GeneratorError';
  }
}

type Path = (string | number)[];

function isPlainObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkSize(count: number, path: Path): void {
  if (count > MAX_GENERATED_ITEMS) {
    throw new GeneratorError(path, `generates ${count} items, more than the limit of ${MAX_GENERATED_ITEMS}`);
  }
}

function expectKeys(spec: { [key: string]: JsonValue }, allowed: string[], path: Path): void {
  for (const key of Object.keys(spec)) {
    if (!allowed.includes(key)) {
      throw new GeneratorError(path, `unknown option "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
}

function expandArrayArg(value: JsonValue, path: Path, what: string): JsonValue[] {
  const expanded = expandGenerators(value, path);
  if (!Array.isArray(expanded)) throw new GeneratorError(path, `${what} must be an array`);
  return expanded;
}

function range(spec: { [key: string]: JsonValue }, path: Path): JsonValue[] {
  expectKeys(spec, ['$range', 'prefix'], path);
  const bounds = spec.$range;
  const at = [...path, '$range'];
  if (
    !Array.isArray(bounds) ||
    bounds.length < 2 ||
    bounds.length > 3 ||
    !bounds.every(Number.isSafeInteger)
  ) {
    throw new GeneratorError(at, 'must be [start, stop] or [start, stop, step] with integers');
  }
  const [start, stop, step = 1] = bounds as number[];
  if (start === undefined || stop === undefined) throw new GeneratorError(at, 'start and stop are required');
  if (step === 0) throw new GeneratorError(at, 'step must not be 0');
  const prefix = spec.prefix;
  if (prefix !== undefined && typeof prefix !== 'string') {
    throw new GeneratorError([...path, 'prefix'], 'must be a string');
  }
  const count = Math.max(0, Math.ceil((stop - start) / step));
  checkSize(count, path);
  const out: JsonValue[] = [];
  for (let i = 0; i < count; i++) {
    const n = start + i * step;
    out.push(prefix === undefined ? n : `${prefix}${n}`);
  }
  return out;
}

function repeat(spec: { [key: string]: JsonValue }, path: Path): JsonValue[] {
  expectKeys(spec, ['$repeat', 'times'], path);
  const items = expandArrayArg(spec.$repeat ?? null, [...path, '$repeat'], 'the items to repeat');
  const times = spec.times;
  if (typeof times !== 'number' || !Number.isSafeInteger(times) || times < 0) {
    throw new GeneratorError([...path, 'times'], 'must be a non-negative integer');
  }
  checkSize(items.length * times, path);
  const out: JsonValue[] = [];
  for (let i = 0; i < times; i++) out.push(...structuredClone(items));
  return out;
}

function concat(spec: { [key: string]: JsonValue }, path: Path): JsonValue[] {
  expectKeys(spec, ['$concat'], path);
  const parts = spec.$concat;
  if (!Array.isArray(parts)) throw new GeneratorError([...path, '$concat'], 'must be an array of arrays');
  const out: JsonValue[] = [];
  for (const [index, part] of parts.entries()) {
    out.push(...expandArrayArg(part, [...path, '$concat', index], 'each part'));
    checkSize(out.length, path);
  }
  return out;
}

function zip(spec: { [key: string]: JsonValue }, path: Path): JsonValue[] {
  expectKeys(spec, ['$zip'], path);
  const parts = spec.$zip;
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new GeneratorError([...path, '$zip'], 'must be a non-empty array of arrays');
  }
  const columns = parts.map((part, index) => expandArrayArg(part, [...path, '$zip', index], 'each part'));
  const length = columns[0]?.length ?? 0;
  // Unequal lengths are almost always an off-by-one in the data, so refuse instead of truncating.
  const uneven = columns.findIndex((column) => column.length !== length);
  if (uneven !== -1) {
    throw new GeneratorError(
      [...path, '$zip', uneven],
      `has ${columns[uneven]?.length} items, expected ${length}`,
    );
  }
  return Array.from({ length }, (_, row) => columns.map((column) => column[row] as JsonValue));
}

/**
 * Returns `value` with every generator object replaced by the array it describes; plain JSON comes
 * back unchanged. An object is a generator when one of its keys is in GENERATOR_KEYS; any other key
 * starting with `$` is rejected as a likely typo. Throws GeneratorError on a malformed generator.
 */
export function expandGenerators(value: JsonValue, path: Path = []): JsonValue {
  if (Array.isArray(value)) return value.map((item, index) => expandGenerators(item, [...path, index]));
  if (!isPlainObject(value)) return value;
  const dollarKeys = Object.keys(value).filter((key) => key.startsWith('$'));
  if (dollarKeys.length === 0) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, expandGenerators(item, [...path, key])]),
    );
  }
  if (dollarKeys.length > 1) {
    throw new GeneratorError(path, `has several generator keys: ${dollarKeys.join(', ')}`);
  }
  switch (dollarKeys[0]) {
    case '$range':
      return range(value, path);
    case '$repeat':
      return repeat(value, path);
    case '$concat':
      return concat(value, path);
    case '$zip':
      return zip(value, path);
    default:
      throw new GeneratorError(
        path,
        `unknown generator "${dollarKeys[0]}" (known: ${GENERATOR_KEYS.join(', ')})`,
      );
  }
}
