import { describe, expect, it } from 'vitest';
import { expandGenerators, GeneratorError, MAX_GENERATED_ITEMS } from './generators.js';

function failure(value: Parameters<typeof expandGenerators>[0]): GeneratorError {
  try {
    expandGenerators(value, ['tests', 0, 'args', 0]);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('expected a GeneratorError');
}

describe('expandGenerators', () => {
  it('leaves plain JSON alone', () => {
    const value = { a: [1, 'x', null, true, { b: 2.5 }] };
    expect(expandGenerators(value)).toEqual(value);
  });

  it('expands $range like Python range, with an optional string prefix', () => {
    expect(expandGenerators({ $range: [0, 4] })).toEqual([0, 1, 2, 3]);
    expect(expandGenerators({ $range: [10, 0, -4] })).toEqual([10, 6, 2]);
    expect(expandGenerators({ $range: [3, 3] })).toEqual([]);
    expect(expandGenerators({ $range: [1, 3], prefix: 's' })).toEqual(['s1', 's2']);
  });

  it('expands $repeat, $concat and $zip, nested inside ordinary arrays', () => {
    expect(expandGenerators({ $repeat: [1, 2], times: 3 })).toEqual([1, 2, 1, 2, 1, 2]);
    expect(expandGenerators({ $concat: [[0], { $range: [1, 3] }, []] })).toEqual([0, 1, 2]);
    expect(expandGenerators([{ $zip: [{ $range: [0, 2] }, ['a', 'b']] }, 7])).toEqual([
      [
        [0, 'a'],
        [1, 'b'],
      ],
      7,
    ]);
  });

  it('gives every repeated copy its own objects', () => {
    const out = expandGenerators({ $repeat: [[1]], times: 2 }) as number[][];
    expect(out[0]).not.toBe(out[1]);
  });

  it('reports malformed generators with a path and a reason', () => {
    expect(failure({ $rnage: [0, 3] }).message).toBe(
      'unknown generator "$rnage" (known: $range, $repeat, $concat, $zip)',
    );
    expect(failure({ $range: [0, 3, 0] }).path).toEqual(['tests', 0, 'args', 0, '$range']);
    expect(failure({ $range: [0, 3, 0] }).message).toBe('step must not be 0');
    expect(failure({ $range: [0, 1.5] }).message).toMatch(/integers/);
    expect(failure({ $repeat: [1], times: -1 }).path).toEqual(['tests', 0, 'args', 0, 'times']);
    expect(failure({ $zip: [[1, 2], [1]] }).message).toBe('has 1 items, expected 2');
    expect(failure({ $concat: [[1], 2] }).path).toEqual(['tests', 0, 'args', 0, '$concat', 1]);
    expect(failure({ $range: [0, 2], step: 1 }).message).toBe(
      'unknown option "step" (allowed: $range, prefix)',
    );
    expect(failure({ $range: [0, 2], $repeat: [] }).message).toMatch(/several generator keys/);
    expect(failure({ $range: [0, MAX_GENERATED_ITEMS + 1] }).message).toMatch(/more than the limit/);
  });
});
