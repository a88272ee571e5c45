import type { RoomState } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { roundName } from './roundName';

const loop = (current: number | null): RoomState['loop'] => ({
  trackId: 'netflix-mle',
  title: 'Netflix · Machine Learning Engineer',
  stages: [
    { roundType: 'coding', label: 'Coding', minutes: 45 },
    { roundType: 'technical', label: 'ML domain', minutes: 60 },
  ],
  current,
  played: [],
  next: null,
});

describe('roundName', () => {
  it('names the loop stage the round plays', () => {
    expect(roundName(loop(1), 'technical')).toBe('ML domain');
  });
  it("falls back to the round type's label off the plan or without a loop", () => {
    expect(roundName(loop(null), 'technical')).toBe('Technical');
    expect(roundName(null, 'coding')).toBe('Coding');
  });
});
