import type { LoopView, RoundType } from '@mockloop/shared';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import type { LoopPlanRecord, RoundRecord } from '../store/Store.js';

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
