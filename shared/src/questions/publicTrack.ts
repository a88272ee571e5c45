import { z } from 'zod';
import { Difficulty } from './difficulty.js';
import { KebabId, NonBlank } from './text.js';
import { Company, LoopStage, UnwrittenRule } from './track.js';

/** A persona as the candidate may see it: who they face, not how the interviewer plays them. */
export const PublicPersona = z.strictObject({
  id: KebabId,
  name: NonBlank,
  title: NonBlank,
  focus: NonBlank,
});
export type PublicPersona = z.infer<typeof PublicPersona>;

/** The candidate-safe view of a track. */
export const PublicTrack = z.strictObject({
  id: KebabId,
  company: Company,
  role: NonBlank,
  difficulty: Difficulty,
  typicalDurationDays: z.number().int().positive(),
  loop: z.array(LoopStage),
  personas: z.array(PublicPersona),
  unwrittenRules: z.array(UnwrittenRule),
  questionIds: z.array(KebabId),
});
export type PublicTrack = z.infer<typeof PublicTrack>;
