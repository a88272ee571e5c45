import {
  DIFFICULTIES,
  type Difficulty,
  ROUND_TYPE_LABELS,
  ROUND_TYPES,
  type RoundType,
} from '@mockloop/shared';

/** One round type of a track at a glance: how many questions, and how hard on average. */
export interface RadarAxis {
  roundType: RoundType;
  label: string;
  count: number;
  byDifficulty: Record<Difficulty, number>;
  /** Mean of easy 1, medium 2, hard 3. */
  meanDifficulty: number;
}

const SCORE: Record<Difficulty, number> = { easy: 1, medium: 2, hard: 3 };

/** The track's questions per round type (types with none are left out), in the app's type order. */
export function radarFigures(
  questions: ReadonlyArray<{ roundType: RoundType; difficulty: Difficulty }>,
): RadarAxis[] {
  return ROUND_TYPES.flatMap((roundType) => {
    const mine = questions.filter((q) => q.roundType === roundType);
    if (mine.length === 0) return [];
    const byDifficulty = Object.fromEntries(
      DIFFICULTIES.map((d) => [d, mine.filter((q) => q.difficulty === d).length]),
    ) as Record<Difficulty, number>;
    const meanDifficulty = mine.reduce((sum, q) => sum + SCORE[q.difficulty], 0) / mine.length;
    return [
      { roundType, label: ROUND_TYPE_LABELS[roundType], count: mine.length, byDifficulty, meanDifficulty },
    ];
  });
}

/** A point `fraction` of the way out along axis `i` of `n` (the first straight up), around (0, 0). */
export function radarPoint(i: number, n: number, fraction: number, radius: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return [Math.cos(angle) * radius * fraction, Math.sin(angle) * radius * fraction];
}
