import { describe, expect, it } from 'vitest';
import { formatValueType, parseValueType, ValueTypeError, valueTypeMismatch } from './valueType.js';

describe('value types', () => {
  it('parses scalars, lists and tuples, named or not, and prints them back canonically', () => {
    for (const text of [
      'int',
      'long',
      'float',
      'string',
      'bool',
      'list<int>',
      'list<list<float>>',
      'tuple<int, string>',
      'list<tuple<movieId: int, score: float>>',
    ]) {
      expect(formatValueType(parseValueType(text))).toBe(text);
    }
    expect(formatValueType(parseValueType(' list < tuple<a:int,b : bool> > '))).toBe(
      'list<tuple<a: int, b: bool>>',
    );
  });

  it('refuses what is not a type, saying where', () => {
    const bad = [
      '',
      'integer',
      'list<>',
      'list<int',
      'tuple<a: int, bool>',
      'tuple<a: int, a: int>',
      'int int',
    ];
    for (const text of bad) expect(() => parseValueType(text), text).toThrow(ValueTypeError);
    expect(() => parseValueType('list<map<string>>')).toThrow(/unknown type "map"/);
    expect(() => parseValueType(`${'list<'.repeat(10)}int${'>'.repeat(10)}`)).toThrow(/nested/);
  });

  it('checks JSON values against a type, with the path of the first mismatch', () => {
    const type = parseValueType('list<tuple<id: int, score: float>>');
    expect(
      valueTypeMismatch(
        [
          [1, 0.5],
          [2, 3],
        ],
        type,
      ),
    ).toBeUndefined();
    expect(
      valueTypeMismatch(
        [
          [1, 0.5],
          [2.5, 3],
        ],
        type,
      )?.path,
    ).toEqual([1, 0]);
    expect(valueTypeMismatch([[1, 0.5, 9]], type)?.reason).toMatch(/not an array of 2/);
    expect(valueTypeMismatch(2 ** 31, parseValueType('int'))).toBeDefined();
    expect(valueTypeMismatch(2 ** 31, parseValueType('long'))).toBeUndefined();
    expect(valueTypeMismatch(true, parseValueType('int'))).toBeDefined();
    expect(valueTypeMismatch(1, parseValueType('bool'))).toBeDefined();
  });
});
