import { z } from 'zod';
import { Difficulty } from './difficulty.js';
import { KebabId, NonBlank } from './text.js';

/** One stage of the real hiring loop the track simulates (a recruiter screen, an onsite loop). */
export const LoopStage = z.strictObject({
  name: NonBlank,
  minutes: z.number().int().positive().optional(),
  rounds: z
    .strictObject({ min: z.number().int().positive(), max: z.number().int().positive() })
    .refine((r) => r.min <= r.max, { message: 'min must not exceed max', path: ['max'] })
    .optional(),
  focus: NonBlank,
});
export type LoopStage = z.infer<typeof LoopStage>;

/** An interviewer style to play; `interviewerGuidance` is private coaching for the interviewer. */
export const Persona = z.strictObject({
  id: KebabId,
  name: NonBlank,
  title: NonBlank,
  focus: NonBlank,
  interviewerGuidance: NonBlank,
});
export type Persona = z.infer<typeof Persona>;

/** A norm the company expects but rarely states; shown to the candidate before the round. */
export const UnwrittenRule = z.strictObject({ title: NonBlank, description: NonBlank });
export type UnwrittenRule = z.infer<typeof UnwrittenRule>;

export const Company = z.strictObject({ name: NonBlank, description: NonBlank, values: z.array(NonBlank) });
export type Company = z.infer<typeof Company>;

/** A company track (track.yaml): the company, role, loop and personas its questions belong to. */
export const TrackFile = z.strictObject({
  id: KebabId,
  company: Company,
  role: NonBlank,
  difficulty: Difficulty,
  typicalDurationDays: z.number().int().positive(),
  loop: z.array(LoopStage).min(1, 'needs at least one loop stage'),
  personas: z.array(Persona).min(1, 'needs at least one persona'),
  unwrittenRules: z.array(UnwrittenRule),
});
export type TrackFile = z.infer<typeof TrackFile>;

/** A track as the loader returns it: the file plus its question ids in folder order. */
export type Track = TrackFile & { questionIds: string[] };
