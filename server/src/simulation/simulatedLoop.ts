import type { RoundType } from '@mockloop/shared';
import { nextStage } from '../loop/loopPlans.js';
import type { RoomRecord, RoundRecord, SimulationRecord } from '../store/Store.js';
import type { ScriptStage } from './simulationScript.js';

/**
 * A simulated loop (P-SIM-6) is a solo room that follows its track's plan (`rooms.loop_plan`),
 * the stage of each round in `rounds.plan_stage`: nothing of it is kept in the simulation's
 * record but the round it plays, so a restart finds the loop where the store has it.
 */

/** The stage a round plays, for the interviewer's intro; none in a one-question simulation. */
export function scriptStage(
  room: Pick<RoomRecord, 'loop'> | null,
  round: Pick<RoundRecord, 'planStage'> | null,
): ScriptStage | undefined {
  const loop = room?.loop;
  if (!loop || round?.planStage == null) return undefined;
  const stage = loop.stages[round.planStage];
  if (!stage) return undefined;
  return { label: stage.label, number: round.planStage + 1, of: loop.stages.length };
}

/** The stage "Next round" opens: the plan's first unplayed one, if the room follows a plan. */
export function stageToPlay(
  room: Pick<RoomRecord, 'loop'> | null,
  rounds: readonly Pick<RoundRecord, 'planStage'>[],
): { index: number; label: string; roundType: RoundType } | null {
  const loop = room?.loop;
  if (!loop) return null;
  const index = nextStage(loop, rounds);
  const stage = index === null ? undefined : loop.stages[index];
  if (index === null || !stage) return null;
  return { index, label: stage.label, roundType: stage.roundType };
}

/**
 * The record for the next round of the loop: the same interviewer (seat and persona), the new
 * round's question, a fresh schedule started now (the candidate is there: they asked for it).
 */
export function recordForRound(
  sim: SimulationRecord,
  round: Pick<RoundRecord, 'number' | 'questionId'>,
  now: number,
): SimulationRecord | null {
  if (round.questionId === null) return null;
  return {
    ...sim,
    questionId: round.questionId,
    round: round.number,
    startedAt: now,
    steps: 0,
    lines: [],
    lastActivityAt: now,
    nudgedAt: null,
    stuckCount: 0,
    endedAt: null,
  };
}
