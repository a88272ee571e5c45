import { z } from 'zod';
import { KebabId, NonBlank } from './text.js';

/**
 * One scored dimension of a question. `scores` describes what the interviewer observes at each
 * level, 1 (weak) to 4 (excellent), so two interviewers score the same answer the same way.
 */
export const RubricCriterion = z.strictObject({
  id: KebabId,
  name: NonBlank,
  measures: NonBlank,
  scores: z.strictObject({ 1: NonBlank, 2: NonBlank, 3: NonBlank, 4: NonBlank }),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;
