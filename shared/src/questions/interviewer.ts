import { z } from 'zod';
import { RubricCriterion } from './rubric.js';
import { QUESTION_RULES } from './rules.js';
import { NonBlank } from './text.js';

/** A path relative to the question folder; the loader refuses anything that escapes the folder. */
const RelativeFile = z
  .string()
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w./-]+$/, 'must be a relative path inside the question folder');

/** Where the reference solutions live and what the interviewer should expect of a good answer. */
export const ReferenceSolution = z.strictObject({
  approach: NonBlank,
  complexity: z.strictObject({ time: NonBlank, space: NonBlank }),
  files: z.strictObject({ python: RelativeFile, typescript: RelativeFile }),
});
export type ReferenceSolution = z.infer<typeof ReferenceSolution>;

/**
 * Everything only the interviewer sees. Hints are ordered from gentlest to strongest, so the
 * interviewer can give the smallest nudge that unblocks the candidate.
 */
export const InterviewerNotes = z.strictObject({
  guidance: NonBlank,
  rubric: z
    .array(RubricCriterion)
    .min(
      QUESTION_RULES.rubricMin,
      `needs ${QUESTION_RULES.rubricMin} to ${QUESTION_RULES.rubricMax} criteria`,
    )
    .max(
      QUESTION_RULES.rubricMax,
      `needs ${QUESTION_RULES.rubricMin} to ${QUESTION_RULES.rubricMax} criteria`,
    ),
  hints: z.array(NonBlank).min(QUESTION_RULES.hintsMin, `needs at least ${QUESTION_RULES.hintsMin} hints`),
  followUps: z.array(NonBlank).min(1, 'needs at least one follow-up question'),
  redFlags: z.array(NonBlank).min(1, 'needs at least one red flag'),
  solution: ReferenceSolution.optional(),
});
export type InterviewerNotes = z.infer<typeof InterviewerNotes>;
