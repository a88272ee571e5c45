import { describe, expect, it } from 'vitest';
import { jsonEqual } from './jsonEqual.js';

describe('jsonEqual', () => {
  it('compares arrays in order and objects regardless of key order', () => {
    expect(jsonEqual([1, [2, 3]], [1, [2, 3]])).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1, b: [true] }, { b: [true], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
  });

  it('never equates values of different JSON types', () => {
    expect(jsonEqual(1, true)).toBe(false);
    expect(jsonEqual(0, null)).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(2, 2.0)).toBe(true);
  });
});
