import { DEFAULT_ROUND_MINUTES, type PlanRound, type PublicTrack, ROUND_TYPE_LABELS } from '@mockloop/shared';

/** "Recruiter screen · 30 min": a plan round's name and minutes, the type's when it has none. */
export function planRoundText(round: PlanRound): string {
  return `${round.label ?? ROUND_TYPE_LABELS[round.roundType]} · ${round.minutes ?? DEFAULT_ROUND_MINUTES[round.roundType]} min`;
}

/** "45 min2-3 rounds": what a stage of a company's loop takes, each part only when the track says. */
export function loopStageText(stage: PublicTrack['loop'][number]): string {
  const minutes = stage.minutes ? `${stage.minutes} min` : '';
  const rounds = stage.rounds
    ? `${stage.rounds.min === stage.rounds.max ? stage.rounds.min : `${stage.rounds.min}-${stage.rounds.max}`} rounds`
    : '';
  return `${minutes}${rounds}`;
}
