import { type LoopView, ROUND_TYPE_LABELS, type RoundType } from '@mockloop/shared';

/** The loop's name for the stage this round plays ("ML domain"), as the loop bar says it; else the round type's. */
export function roundName(loop: LoopView | null, roundType: RoundType): string {
  const stage = loop?.current != null ? loop.stages[loop.current] : undefined;
  return stage?.label ?? ROUND_TYPE_LABELS[roundType];
}
