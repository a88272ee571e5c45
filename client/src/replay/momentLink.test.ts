import { describe, expect, it } from 'vitest';
import { momentLink } from './momentLink';

describe('link to a moment of a replay', () => {
  it('names the round and the second, rounded up, and carries the key', () => {
    expect(momentLink('https://m.example/report/abc?round=1&t=3#key=old', 2, 61_200, 'k1')).toBe(
      'https://m.example/report/abc?round=2&t=62#key=k1',
    );
  });

  it('has no fragment without a key', () => {
    expect(momentLink('https://m.example/report/abc#key=old', 1, 0, null)).toBe(
      'https://m.example/report/abc?round=1&t=0',
    );
  });
});
