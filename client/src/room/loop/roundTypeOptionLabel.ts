import { type LoopStageView, ROUND_TYPE_LABELS, type RoundType } from '@mockloop/shared';

/**
 * A round type as the next-round form offers it, marked when it is the loop's next stage (with the
 * stage's own name when that says more than the type, e.g. "Coding (next in the loop: Onsite 2)").
 */
export function roundTypeOptionLabel(type: RoundType, planned: LoopStageView | undefined): string {
  const label = ROUND_TYPE_LABELS[type];
  if (planned?.roundType !== type) return label;
  return planned.label === label
    ? `${label} (next in the loop)`
    : `${label} (next in the loop: ${planned.label})`;
}
