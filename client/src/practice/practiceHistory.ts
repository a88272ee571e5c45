import type { RoomReport } from '@mockloop/shared';

/** One round this person played, as My practice lists it. */
export interface PracticeRound {
  roomId: string;
  round: number;
  at: number;
  question: string | null;
  role: 'interviewer' | 'candidate';
  partner: string | null;
  recommendation: string | null;
  /** Per criterion (by name): the interviewer's score and the person's own, where given. */
  scores: Array<{ criterion: string; interviewer: number | null; self: number | null }>;
  /** Feedback this person still owes for the round. */
  owes: boolean;
}

/** A criterion's scores over time, where this person was the candidate. */
export interface CriterionTrend {
  criterion: string;
  points: Array<{ at: number; interviewer: number | null; self: number | null; question: string | null }>;
}

/** Every round of these reports that their viewer played, newest first. */
export function practiceRounds(reports: readonly RoomReport[]): PracticeRound[] {
  const rounds: PracticeRound[] = [];
  for (const report of reports) {
    for (const round of report.rounds) {
      const role =
        round.interviewer?.id === report.viewerId
          ? 'interviewer'
          : round.candidate?.id === report.viewerId
            ? 'candidate'
            : null;
      if (!role) continue;
      const rating = (list: Array<{ criterionId: string; score: number }> | undefined, id: string) =>
        list?.find((r) => r.criterionId === id)?.score ?? null;
      rounds.push({
        roomId: report.roomId,
        round: round.number,
        at: round.startedAt,
        question: round.question?.title ?? null,
        role,
        partner: (role === 'interviewer' ? round.candidate : round.interviewer)?.name ?? null,
        recommendation: round.scorecard?.recommendation ?? null,
        scores: round.criteria.map((c) => ({
          criterion: c.name,
          interviewer: rating(round.scorecard?.ratings, c.id),
          self: rating(round.selfAssessment?.ratings, c.id),
        })),
        owes:
          round.endedAt !== null &&
          (role === 'interviewer' ? !round.scorecard && !round.scorecardWithheld : !round.selfAssessment),
      });
    }
  }
  return rounds.sort((a, b) => b.at - a.at);
}

/**
 * Each criterion this person was scored on as a candidate, oldest first: what the interviewer
 * gave and what they gave themselves. Criteria are matched by name, so the same skill asked by
 * two questions of a track makes one line.
 */
export function criterionTrends(rounds: readonly PracticeRound[]): CriterionTrend[] {
  const byName = new Map<string, CriterionTrend>();
  for (const round of [...rounds].sort((a, b) => a.at - b.at)) {
    if (round.role !== 'candidate') continue;
    for (const score of round.scores) {
      if (score.interviewer === null && score.self === null) continue;
      const trend = byName.get(score.criterion) ?? { criterion: score.criterion, points: [] };
      trend.points.push({
        at: round.at,
        interviewer: score.interviewer,
        self: score.self,
        question: round.question,
      });
      byName.set(score.criterion, trend);
    }
  }
  return [...byName.values()];
}

/**
 * What to practise next: the criterion whose latest interviewer score is the lowest (the first
 * such on a tie), with that score; null while no interviewer has scored one.
 */
export function nextToPractise(
  trends: readonly CriterionTrend[],
): { criterion: string; score: number } | null {
  const latest = trends
    .map((t) => ({
      criterion: t.criterion,
      score: [...t.points].reverse().find((p) => p.interviewer !== null)?.interviewer ?? null,
    }))
    .filter((t): t is { criterion: string; score: number } => t.score !== null)
    .sort((a, b) => a.score - b.score);
  return latest[0] ?? null;
}
