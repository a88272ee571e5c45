import { z } from 'zod';
import { CodingProblem } from './coding.js';
import { Difficulty } from './difficulty.js';
import { Phase } from './phase.js';
import { RoundType } from './roundTypes.js';
import { PublicTestCase } from './testCase.js';
import { KebabId, NonBlank } from './text.js';

/**
 * The only shape of a question that may reach a candidate: no rubric, hints, follow-ups, red
 * flags, guidance, hidden tests or solutions. Strict, so a leaked extra field fails parsing.
 */
export const PublicQuestion = z.strictObject({
  id: KebabId,
  trackId: KebabId,
  title: NonBlank,
  roundType: RoundType,
  roundLabel: NonBlank,
  difficulty: Difficulty,
  tags: z.array(NonBlank),
  prompt: NonBlank,
  timeLimitMinutes: z.number().int().positive(),
  phases: z.array(Phase),
  coding: CodingProblem.optional(),
  publicTests: z.array(PublicTestCase).optional(),
});
export type PublicQuestion = z.infer<typeof PublicQuestion>;
