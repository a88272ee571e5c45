import { describe, expect, it } from 'vitest';
import { linkedMoment } from './linkedMoment';

describe('linkedMoment', () => {
  it('reads the round and the second of a link', () => {
    expect(linkedMoment('?round=2&t=95')).toEqual({ round: 2, seconds: 95 });
  });
  it('takes round 1 when the link names only a second', () => {
    expect(linkedMoment('?t=12.5')).toEqual({ round: 1, seconds: 12.5 });
  });
  it('is null without a second, or with one that is not a time, or a round that is not whole', () => {
    expect(linkedMoment('')).toBeNull();
    expect(linkedMoment('?round=2')).toBeNull();
    expect(linkedMoment('?t=soon')).toBeNull();
    expect(linkedMoment('?t=-3')).toBeNull();
    expect(linkedMoment('?round=1.5&t=3')).toBeNull();
  });
});
