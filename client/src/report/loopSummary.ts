import {
  RECOMMENDATION_LABELS,
  ROUND_TYPE_LABELS,
  type RoomReport,
  type RoundReport,
  type RoundType,
} from '@mockloop/shared';

/** Mean score of some ratings, one decimal; null when there are none. */
export interface MeanScores {
  interviewer: number | null;
  self: number | null;
}

export interface LoopSummary {
  /** Each rubric criterion, by name, across every round that rated it. */
  criteria: Array<MeanScores & { name: string; rounds: number }>;
  /** Each round type played, across its rounds' criteria. */
  roundTypes: Array<MeanScores & { roundType: RoundType; label: string; rounds: number }>;
  /** The interviewer's hire recommendation for every round, in order. */
  recommendations: Array<{ number: number; stage: string; candidate: string; recommendation: string }>;
}

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/** A round's name in the loop: its plan stage ("ML domain"), else its type. */
export function stageName(round: Pick<RoundReport, 'stageLabel' | 'roundType'>): string {
  return round.stageLabel ?? ROUND_TYPE_LABELS[round.roundType];
}

function scores(
  rounds: readonly RoundReport[],
  criterion?: string,
): { interviewer: number[]; self: number[] } {
  const pick = (round: RoundReport, list: { criterionId: string; score: number }[] | undefined) =>
    (list ?? [])
      .filter(
        (r) =>
          criterion === undefined || round.criteria.find((c) => c.id === r.criterionId)?.name === criterion,
      )
      .map((r) => r.score);
  return {
    interviewer: rounds.flatMap((r) => pick(r, r.scorecard?.ratings)),
    self: rounds.flatMap((r) => pick(r, r.selfAssessment?.ratings)),
  };
}

/**
 * The loop at a glance, from what this viewer's report holds (a withheld scorecard counts as no
 * scores): per criterion, per round type, and each round's recommendation.
 */
export function loopSummary(report: RoomReport): LoopSummary {
  const rounds = report.rounds;
  const criterionNames = [...new Set(rounds.flatMap((r) => r.criteria.map((c) => c.name)))];
  const criteria = criterionNames.map((name) => {
    const s = scores(rounds, name);
    return {
      name,
      rounds: rounds.filter((r) => r.criteria.some((c) => c.name === name)).length,
      interviewer: mean(s.interviewer),
      self: mean(s.self),
    };
  });
  const types = [...new Set(rounds.map((r) => r.roundType))];
  const roundTypes = types.map((roundType) => {
    const ofType = rounds.filter((r) => r.roundType === roundType);
    const s = scores(ofType);
    // A type the plan plays under other names says them: "Technical (ML domain, ML deep dive)".
    const stages = [...new Set(ofType.map(stageName))].filter((n) => n !== ROUND_TYPE_LABELS[roundType]);
    return {
      roundType,
      label:
        stages.length > 0
          ? `${ROUND_TYPE_LABELS[roundType]} (${stages.join(', ')})`
          : ROUND_TYPE_LABELS[roundType],
      rounds: ofType.length,
      interviewer: mean(s.interviewer),
      self: mean(s.self),
    };
  });
  const recommendations = rounds.map((r) => ({
    number: r.number,
    stage: stageName(r),
    candidate: r.candidate?.name ?? '—',
    recommendation: r.scorecard
      ? RECOMMENDATION_LABELS[r.scorecard.recommendation]
      : r.scorecardWithheld
        ? 'after your self-assessment'
        : 'no scorecard',
  }));
  return { criteria, roundTypes, recommendations };
}
