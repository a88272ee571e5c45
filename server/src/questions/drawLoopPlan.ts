import {
  DEFAULT_ROUND_MINUTES,
  QUESTION_TYPES_FOR,
  type Question,
  questionFits,
  ROUND_TYPE_LABELS,
  type Track,
} from '@mockloop/shared';
import type { LoopPlanRecord, LoopStageRecord } from '../store/Store.js';

/** Picks one of several candidates: at random in a room, the first in the loader's check. */
export type Chooser = <T>(options: readonly T[]) => T;

export const pickAtRandom: Chooser = (options) =>
  options[Math.floor(Math.random() * options.length)] as never;
export const pickFirst: Chooser = (options) => options[0] as never;

/**
 * A room's own copy of a track's loop plan, each round with a question drawn from the track's
 * questions that fit its type, none twice. Rounds with the fewest fitting types draw first: the
 * fit sets are nested (a screen asks behavioural questions too), so this never leaves a narrow
 * round without a question a wide one took. Returns the stage that could not be filled instead,
 * which the bank's loader reports.
 */
export function drawLoopPlan(
  track: Track,
  questions: readonly Question[],
  choose: Chooser,
  /** Questions to draw only when nothing else fits (ones the person has seen: P-SEEN-2). */
  avoid: ReadonlySet<string> = new Set(),
): LoopPlanRecord | { unfilled: number } {
  const plan = track.plan ?? [];
  const own = questions.filter((q) => q.trackId === track.id);
  const taken = new Set<string>();
  const picked = new Map<number, string>();
  const order = plan
    .map((round, index) => ({ round, index }))
    .sort(
      (a, b) => QUESTION_TYPES_FOR[a.round.roundType].length - QUESTION_TYPES_FOR[b.round.roundType].length,
    );
  for (const { round, index } of order) {
    const options = own.filter((q) => !taken.has(q.id) && questionFits(round.roundType, q.roundType));
    if (options.length === 0) return { unfilled: index };
    const fresh = options.filter((q) => !avoid.has(q.id));
    const question = choose(fresh.length > 0 ? fresh : options);
    taken.add(question.id);
    picked.set(index, question.id);
  }
  const stages: LoopStageRecord[] = plan.map((round, index) => ({
    roundType: round.roundType,
    label: round.label ?? ROUND_TYPE_LABELS[round.roundType],
    minutes: round.minutes ?? DEFAULT_ROUND_MINUTES[round.roundType],
    questionId: picked.get(index) ?? null,
  }));
  return { trackId: track.id, stages };
}
