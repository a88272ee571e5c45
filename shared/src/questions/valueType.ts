import type { JsonValue } from './json.js';

/**
 * The machine-readable type of a coding question's parameter or result, from which Java, C++ and
 * Go signatures are generated and against which test values are checked (questions/README.md,
 * "Typed signatures"). Written as text in the question file:
 *
 *   int | long | float | string | bool | list<T> | tuple<T, ...> | tuple<name: T, ...>
 *
 * `int` is a 32-bit whole number, `long` a 64-bit one, `float` a double. A tuple is a JSON array
 * of fixed length whose items may differ in type; naming its items names the fields of the record
 * or struct the compiled languages get.
 */
export type ValueType =
  | { kind: 'int' | 'long' | 'float' | 'string' | 'bool' }
  | { kind: 'list'; of: ValueType }
  | { kind: 'tuple'; items: TupleItem[] };
export interface TupleItem {
  name?: string;
  type: ValueType;
}

const SCALARS = ['int', 'long', 'float', 'string', 'bool'] as const;
const MAX_DEPTH = 8;
const INT32 = 2 ** 31;

/** A type text that does not parse; `at` is the character where it went wrong. */
export class ValueTypeError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'ValueTypeError';
  }
}

/** Parses a type text (see ValueType); throws ValueTypeError with the position and reason. */
export function parseValueType(text: string): ValueType {
  let at = 0;
  const space = () => {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
  };
  const word = (): string => {
    space();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at));
    if (!match) throw new ValueTypeError(`expected a type at character ${at + 1}`, at);
    at += match[0].length;
    return match[0];
  };
  const expect = (char: string) => {
    space();
    if (text[at] !== char) throw new ValueTypeError(`expected "${char}" at character ${at + 1}`, at);
    at++;
  };
  const type = (depth: number): ValueType => {
    if (depth > MAX_DEPTH) throw new ValueTypeError(`nested more than ${MAX_DEPTH} deep`, at);
    const start = at;
    const name = word();
    if ((SCALARS as readonly string[]).includes(name)) return { kind: name as (typeof SCALARS)[number] };
    if (name === 'list') {
      expect('<');
      const of = type(depth + 1);
      expect('>');
      return { kind: 'list', of };
    }
    if (name === 'tuple') {
      expect('<');
      const items: TupleItem[] = [];
      for (;;) {
        space();
        // `name: type` or a bare type: look for a colon after the first word.
        const save = at;
        const first = /^[A-Za-z_][A-Za-z0-9_]*\s*:/.exec(text.slice(at));
        if (first) {
          const fieldName = word();
          expect(':');
          items.push({ name: fieldName, type: type(depth + 1) });
        } else {
          at = save;
          items.push({ type: type(depth + 1) });
        }
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        expect('>');
        break;
      }
      const named = items.filter((item) => item.name !== undefined);
      if (named.length > 0 && named.length < items.length) {
        throw new ValueTypeError('name every item of a tuple, or none', start);
      }
      if (new Set(named.map((item) => item.name)).size < named.length) {
        throw new ValueTypeError('a tuple names an item twice', start);
      }
      return { kind: 'tuple', items };
    }
    throw new ValueTypeError(
      `unknown type "${name}" (known: ${[...SCALARS, 'list<T>', 'tuple<...>'].join(', ')})`,
      start,
    );
  };
  const parsed = type(0);
  space();
  if (at !== text.length) throw new ValueTypeError(`unexpected "${text.slice(at)}" after the type`, at);
  return parsed;
}

/** The canonical text of a type: `list<tuple<id: int, score: float>>`. */
export function formatValueType(type: ValueType): string {
  if (type.kind === 'list') return `list<${formatValueType(type.of)}>`;
  if (type.kind === 'tuple') {
    return `tuple<${type.items.map((i) => (i.name ? `${i.name}: ` : '') + formatValueType(i.type)).join(', ')}>`;
  }
  return type.kind;
}

/**
 * Where a JSON value does not fit a type, as a path and reason; undefined when it fits. A
 * `float` accepts any number; `int` and `long` whole numbers in their range.
 */
export function valueTypeMismatch(
  value: JsonValue,
  type: ValueType,
  path: (string | number)[] = [],
): { path: (string | number)[]; reason: string } | undefined {
  const miss = (reason: string) => ({ path, reason: `${reason}, for type ${formatValueType(type)}` });
  switch (type.kind) {
    case 'int':
      if (!Number.isInteger(value) || (value as number) < -INT32 || (value as number) >= INT32) {
        return miss(`${JSON.stringify(value)} is not a 32-bit whole number`);
      }
      return undefined;
    case 'long':
      return Number.isSafeInteger(value) ? undefined : miss(`${JSON.stringify(value)} is not a whole number`);
    case 'float':
      return typeof value === 'number' ? undefined : miss(`${JSON.stringify(value)} is not a number`);
    case 'string':
      return typeof value === 'string' ? undefined : miss(`${JSON.stringify(value)} is not a string`);
    case 'bool':
      return typeof value === 'boolean' ? undefined : miss(`${JSON.stringify(value)} is not a boolean`);
    case 'list': {
      if (!Array.isArray(value)) return miss('not an array');
      for (const [index, item] of value.entries()) {
        const found = valueTypeMismatch(item, type.of, [...path, index]);
        if (found) return found;
      }
      return undefined;
    }
    case 'tuple': {
      if (!Array.isArray(value) || value.length !== type.items.length) {
        return miss(`not an array of ${type.items.length}`);
      }
      for (const [index, item] of type.items.entries()) {
        const found = valueTypeMismatch(value[index] as JsonValue, item.type, [...path, index]);
        if (found) return found;
      }
      return undefined;
    }
  }
}
