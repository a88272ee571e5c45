import { z } from 'zod';
import type { RoundType } from '../questions/roundTypes.js';
import { RECOMMENDATIONS } from '../values/rounds.js';
import type { Language } from './languages.js';
import type { LoopView } from './loop.js';

export * from '../values/rounds.js';

/**
 * A round's clock as the server keeps it (P-TIME-1): running when `endsAt` is set (clients count
 * down to it, corrected by the server's clock), paused otherwise with `remainingMs` left.
 */
export interface TimerView {
  durationMs: number;
  endsAt: number | null;
  remainingMs: number;
}

export const TimerCommand = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('pause') }),
  /** Adds (or, negative, removes) whole minutes. */
  z.object({ action: z.literal('add'), minutes: z.number().int().min(-60).max(60) }),
  /** Back to the round's full duration, stopped. */
  z.object({ action: z.literal('reset') }),
]);
export type TimerCommand = z.infer<typeof TimerCommand>;

export interface SwapProposal {
  by: string;
  at: number;
}

export const SwapResponse = z.object({ accept: z.boolean() });
export type SwapResponse = z.infer<typeof SwapResponse>;

/** One line per round of the room, for the round list and the report link. */
export interface RoundSummary {
  number: number;
  roundType: RoundType;
  title: string | null;
  interviewerId: string | null;
  candidateId: string | null;
  endedAt: number | null;
  /** Whether each side has submitted its feedback (never the content). */
  feedback: { scorecard: boolean; selfAssessment: boolean };
  /**
   * The criteria its feedback rates, once the round has ended (names only, as in RoundView): so
   * an earlier round's two people can still give their feedback after a swap.
   */
  criteria: CriterionInfo[];
}

/** What a rubric criterion is about: shown to the candidate only once the round has ended. */
export interface CriterionInfo {
  id: string;
  name: string;
  measures: string;
}

export const Recommendation = z.enum(RECOMMENDATIONS);
export type Recommendation = z.infer<typeof Recommendation>;

const Comment = z.string().trim().max(4000);

export const CriterionRating = z.object({
  criterionId: z.string().min(1).max(64),
  score: z.number().int().min(1).max(4),
  comment: Comment.default(''),
});
export type CriterionRating = z.infer<typeof CriterionRating>;

/** The interviewer's scorecard for a round, built on the question's rubric. */
export const ScorecardInput = z.object({
  round: z.number().int().min(1),
  ratings: z.array(CriterionRating).max(12),
  recommendation: Recommendation,
  wentWell: Comment,
  toImprove: Comment,
});
export type ScorecardInput = z.infer<typeof ScorecardInput>;

/** The candidate's self-assessment on the same criteria, plus how the interviewer did. */
export const SelfAssessmentInput = z.object({
  round: z.number().int().min(1),
  ratings: z.array(CriterionRating).max(12),
  interviewerClarity: z.number().int().min(1).max(5),
  interviewerHelpfulness: z.number().int().min(1).max(5),
  comment: Comment,
});
export type SelfAssessmentInput = z.infer<typeof SelfAssessmentInput>;

export type Scorecard = ScorecardInput & { submittedAt: number };
export type SelfAssessment = SelfAssessmentInput & { submittedAt: number };

export interface PersonRef {
  id: string;
  name: string;
}

/** One round of the report, filtered for its viewer (P-PRIV-5). */
export interface RoundReport {
  number: number;
  roundType: RoundType;
  /** The loop plan's name for the stage this round played ("ML domain"), else null. */
  stageLabel: string | null;
  question: { id: string; title: string; roundLabel: string; prompt: string } | null;
  interviewer: PersonRef | null;
  candidate: PersonRef | null;
  startedAt: number;
  revealedAt: number | null;
  endedAt: number | null;
  timeUsedMs: number;
  hints: Array<{ index: number; text: string; revealedAt: number }>;
  /**
   * The round's final code: the first REPORT_CODE_CHARS characters (P-REPORT-1); when `truncated`,
   * the whole of it is at REPORT_API.code.
   */
  code: { language: Language; text: string; truncated: boolean };
  /**
   * The round's shared notes as they were left (a recruiter screen's only output): like the code,
   * at most REPORT_CODE_CHARS characters, `truncated` when cut (P-REPORT-2).
   */
  sharedNotes: { text: string; truncated: boolean };
  /** The round's code runs, oldest first, as the room recorded them (see RunSummary). */
  runs: RunSummary[];
  criteria: CriterionInfo[];
  scorecard: Scorecard | null;
  /** True when a scorecard exists but this viewer may not see it yet. */
  scorecardWithheld: boolean;
  selfAssessment: SelfAssessment | null;
}

/**
 * One run of the round's code in the report: who ran what and how it went. Read by the server
 * from the code document, where the players' browsers record runs: untrusted, so only these
 * fields, checked and bounded (P-PRIV-5: hidden tests are a count, as the room saw them).
 */
export interface RunSummary {
  at: number;
  by: string;
  kind: 'run' | 'tests' | 'hidden-tests';
  status: 'ok' | 'error' | 'timeout' | 'crashed';
  /** Tests that passed, of how many (test runs only). */
  passed?: number;
  total?: number;
}

export interface RoomReport {
  roomId: string;
  /** The first round's type (each round carries its own). */
  roundType: string;
  loop: LoopView | null;
  viewerId: string;
  rounds: RoundReport[];
}
