import { describe, expect, it } from 'vitest';
import { radarFigures, radarPoint } from './radarFigures';

describe('radarFigures', () => {
  it('counts questions and averages difficulty per round type, leaving out types with none', () => {
    const figures = radarFigures([
      { roundType: 'coding', difficulty: 'easy' },
      { roundType: 'coding', difficulty: 'hard' },
      { roundType: 'behavioral', difficulty: 'medium' },
    ]);
    expect(figures.map((f) => [f.roundType, f.count, f.meanDifficulty])).toEqual([
      ['coding', 2, 2],
      ['behavioral', 1, 2],
    ]);
    expect(figures[0]?.byDifficulty).toEqual({ easy: 1, medium: 0, hard: 1 });
  });

  it('places the first axis straight up', () => {
    const [x, y] = radarPoint(0, 4, 1, 10);
    expect(x).toBeCloseTo(0);
    expect(y).toBeCloseTo(-10);
  });
});
