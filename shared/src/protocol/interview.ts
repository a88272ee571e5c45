import { z } from 'zod';
import type { PublicQuestion } from '../questions/publicQuestion.js';
import type { RubricCriterion } from '../questions/rubric.js';
import type { TestCase } from '../questions/testCase.js';
import { KebabId } from '../questions/text.js';
import { AUTHOR_SECRET_PATTERN } from './ownQuestions.js';
import type { CriterionInfo, TimerView } from './rounds.js';

/** A hint the interviewer has revealed: from then on the whole room may see it. */
export interface RevealedHint {
  index: number;
  text: string;
  revealedAt: number;
}

/** The public state of the current round: nothing of its question until it is revealed (P-PRIV-1). */
export interface RoundView {
  number: number;
  question: PublicQuestion | null;
  revealedAt: number | null;
  /** The prompt is revealed and more of the question (signature, examples) is still to come. */
  morePending: boolean;
  hints: RevealedHint[];
  interviewerId: string | null;
  candidateId: string | null;
  timer: TimerView;
  endedAt: number | null;
  /** The rubric's criterion names, for the self-assessment: empty until the round has ended. */
  criteria: CriterionInfo[];
  /** Whether each side has submitted its feedback (never the content). */
  feedback: { scorecard: boolean; selfAssessment: boolean };
}

/** Everything about a question that only the interviewer may see. */
export interface InterviewerQuestion {
  question: PublicQuestion;
  guidance: string;
  rubric: RubricCriterion[];
  hints: string[];
  followUps: string[];
  redFlags: string[];
  hiddenTests: TestCase[];
  solution?: {
    approach: string;
    complexity: { time: string; space: string };
    sources: Partial<Record<'python' | 'typescript', string>>;
  };
}

/** The interviewer's console state, sent only to the interviewer's channel (P-PRIV-2). */
export interface InterviewerBrief {
  round: number;
  selected: InterviewerQuestion | null;
  revealed: boolean;
  /**
   * Whether the rest of a coding question (signature, examples, rules, public tests, starter
   * code) is revealed too: a reveal may show the prompt first (P-PRIV-1). True for a revealed
   * question with no such parts.
   */
  detailsRevealed: boolean;
  hintsRevealed: number;
  persona: { name: string; title: string; focus: string; guidance: string } | null;
  /**
   * A recruiter screen's material (P-LOOP-5): the company's values and unwritten rules to probe
   * for fit. Public in the track, but the interviewer's to steer the conversation with.
   */
  screen: {
    company: string;
    values: string[];
    unwrittenRules: Array<{ title: string; description: string }>;
  } | null;
  /** Question ids the round's candidate says their browser has opened or played (P-SEEN-1). */
  candidateSeen: string[];
}

export const SelectQuestionRequest = z.object({
  questionId: KebabId,
  /** To pick one of My questions (`my-<key>`): this browser's author secret (P-MYQ-6). */
  author: z.string().regex(AUTHOR_SECRET_PATTERN).optional(),
});
export type SelectQuestionRequest = z.infer<typeof SelectQuestionRequest>;

/** Reveal the question: all of it, or (`part: 'prompt'`) its prompt first, the rest later. */
export const RevealQuestionRequest = z.object({ part: z.enum(['prompt']).optional() });
export type RevealQuestionRequest = z.infer<typeof RevealQuestionRequest>;

/** Events with no payload still send an (empty) object, so every event is parsed the same way. */
export const EmptyRequest = z.object({});
export type EmptyRequest = z.infer<typeof EmptyRequest>;

/** Kinds of timeline events, appended with a timestamp as the interview happens. */
export const TimelineEventType = z.enum([
  'question-selected',
  'question-revealed',
  'hint-revealed',
  'timer',
  'swap-proposed',
  'swap-declined',
  'roles-swapped',
  'round-started',
  'round-ended',
  'scorecard-submitted',
  'self-assessment-submitted',
]);
export type TimelineEventType = z.infer<typeof TimelineEventType>;
