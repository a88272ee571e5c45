import {
  DEFAULT_ROUND_MINUTES,
  type LoopView,
  QUESTION_TYPES_FOR,
  type Question,
  questionFits,
  ROUND_TYPE_LABELS,
  type RoundType,
  type Track,
} from '@mockloop/shared';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import type { LoopPlanRecord, LoopStageRecord, RoundRecord } from '../store/Store.js';

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
    const question = choose(options);
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

type PlannedRound = Pick<RoundRecord, 'planStage'>;

/** The stages some round of the room has played, in plan order. */
export function playedStages(rounds: readonly PlannedRound[]): number[] {
  return [...new Set(rounds.flatMap((r) => (r.planStage === null ? [] : [r.planStage])))].sort(
    (a, b) => a - b,
  );
}

/** The first stage no round has played yet: what the loop suggests next. */
export function nextStage(loop: LoopPlanRecord, rounds: readonly PlannedRound[]): number | null {
  const played = new Set(playedStages(rounds));
  const index = loop.stages.findIndex((_, i) => !played.has(i));
  return index === -1 ? null : index;
}

/**
 * The stage a next round of `roundType` plays: the first not yet played of that type, so a pair
 * may take the plan's rounds in another order. None (an extra round off the plan) leaves the plan
 * where it was.
 */
export function stageFor(
  loop: LoopPlanRecord,
  rounds: readonly PlannedRound[],
  roundType: RoundType,
): number | null {
  const played = new Set(playedStages(rounds));
  const index = loop.stages.findIndex((s, i) => s.roundType === roundType && !played.has(i));
  return index === -1 ? null : index;
}

/** What the whole room sees of its plan: types, names and minutes, never a question (P-LOOP-1). */
export function loopView(
  bank: QuestionBank,
  loop: LoopPlanRecord,
  rounds: readonly Pick<RoundRecord, 'planStage'>[],
): LoopView {
  const track = bank.tracks.find((t) => t.id === loop.trackId);
  return {
    trackId: loop.trackId,
    title: track ? `${track.company.name} · ${track.role}` : loop.trackId,
    stages: loop.stages.map((s) => ({ roundType: s.roundType, label: s.label, minutes: s.minutes })),
    current: rounds.at(-1)?.planStage ?? null,
    played: playedStages(rounds),
    next: nextStage(loop, rounds),
  };
}
