import { z } from 'zod';
import { RoundType } from '../questions/roundTypes.js';
import { KebabId } from '../questions/text.js';

/** One round of a room's loop plan, as the whole room sees it: never its question. */
export interface LoopStageView {
  roundType: RoundType;
  label: string;
  minutes: number;
}

/**
 * Where a room is in the loop it follows (P-LOOP-1): the plan's rounds in order, the stage the
 * current round plays (null for a round off the plan), and those played, and the first still to play.
 */
export interface LoopView {
  trackId: string;
  /** "Netflix · Machine Learning Engineer". */
  title: string;
  stages: LoopStageView[];
  current: number | null;
  /** Stages some round has played, in plan order (the pair may take them in another order). */
  played: number[];
  next: number | null;
}

/**
 * `round:next` (P-LOOP-2): the ended round's interviewer opens the next round, of any type, with
 * the same seats or swapped. A question picked ahead is for the same seats only: with the seats
 * swapped the person picking it would be the one answering it.
 */
export const NextRoundRequest = z.object({
  roundType: RoundType,
  seats: z.enum(['same', 'swapped']),
  questionId: KebabId.optional(),
});
export type NextRoundRequest = z.infer<typeof NextRoundRequest>;
