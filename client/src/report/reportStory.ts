import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type Recommendation,
  type RoomReport,
  type RoundReport,
} from '@mockloop/shared';
import { stageName } from './loopSummary';

/** One round in the report's summary: who, what, and the interviewer's verdict. */
export interface RoundLine {
  number: number;
  stage: string;
  title: string | null;
  interviewer: string;
  candidate: string;
  /** "Yes", or why there is none yet ("no scorecard", "after your self-assessment"). */
  verdict: string;
  recommendation: Recommendation | null;
}

/** One candidate's rounds summed up: the middle verdict of their scored rounds. */
export interface CandidateVerdict {
  candidate: string;
  rounds: number;
  scored: number;
  overall: Recommendation | null;
}

/** The report at a glance: when, who, the rounds in order, and an overall verdict per candidate. */
export interface ReportStory {
  startedAt: number;
  endedAt: number | null;
  people: string[];
  rounds: RoundLine[];
  overall: CandidateVerdict[];
}

const rank = (r: Recommendation) => RECOMMENDATIONS.indexOf(r);

/**
 * The overall verdict of several rounds: the middle one, the lower of the two middles for an even
 * count (a hiring loop errs towards no). Null when no round was scored.
 */
export function middleVerdict(verdicts: readonly Recommendation[]): Recommendation | null {
  if (verdicts.length === 0) return null;
  const sorted = [...verdicts].sort((a, b) => rank(a) - rank(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

function roundLine(round: RoundReport): RoundLine {
  const recommendation = round.scorecard?.recommendation ?? null;
  return {
    number: round.number,
    stage: stageName(round),
    title: round.question?.title ?? null,
    interviewer: round.interviewer?.name ?? '—',
    candidate: round.candidate?.name ?? '—',
    verdict: recommendation
      ? RECOMMENDATION_LABELS[recommendation]
      : round.scorecardWithheld
        ? 'after your self-assessment'
        : 'no scorecard',
    recommendation,
  };
}

/** The summary a report opens on, from what this viewer's report holds. */
export function reportStory(report: RoomReport): ReportStory {
  const rounds = report.rounds.map(roundLine);
  const people = [
    ...new Set(
      report.rounds.flatMap((r) => [r.interviewer?.name, r.candidate?.name]).filter((n): n is string => !!n),
    ),
  ];
  const candidates = [...new Set(rounds.map((r) => r.candidate).filter((n) => n !== '—'))];
  const overall = candidates.map((candidate) => {
    const theirs = rounds.filter((r) => r.candidate === candidate);
    const scored = theirs.flatMap((r) => (r.recommendation ? [r.recommendation] : []));
    return { candidate, rounds: theirs.length, scored: scored.length, overall: middleVerdict(scored) };
  });
  const ended = report.rounds.map((r) => r.endedAt);
  return {
    startedAt: Math.min(...report.rounds.map((r) => r.startedAt)),
    endedAt: ended.includes(null) ? null : Math.max(...(ended as number[])),
    people,
    rounds,
    overall,
  };
}

/** "Yes, the middle verdict of 3 scored rounds", "Strong no (1 scored round)", "not scored yet". */
export function overallText(verdict: CandidateVerdict): string {
  if (verdict.overall === null) return 'not scored yet';
  const label = RECOMMENDATION_LABELS[verdict.overall];
  const unscored = verdict.rounds - verdict.scored;
  const rest = unscored > 0 ? `; ${unscored} not scored yet` : '';
  return verdict.scored === 1
    ? `${label} (1 scored round${rest})`
    : `${label}, the middle verdict of ${verdict.scored} scored rounds${rest}`;
}

/** "Ivy and Cal", "Ivy, Cal and Ola". */
export function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}
