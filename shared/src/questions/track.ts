import { z } from 'zod';
import { Difficulty } from './difficulty.js';
import { RoundType } from './roundTypes.js';
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

/**
 * One round of the track's loop plan, the loop as a room can follow it: its type, a name for the
 * stage ("ML domain"; the type's label when left out) and its minutes (the type's default when
 * left out). Each room that follows the plan draws its own question for each round.
 */
export const PlanRound = z.strictObject({
  roundType: RoundType,
  label: NonBlank.max(60).optional(),
  minutes: z.number().int().min(5).max(180).optional(),
});
export type PlanRound = z.infer<typeof PlanRound>;

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
  /** The loop as rounds a room follows, in order (`Practise this loop`). */
  plan: z.array(PlanRound).min(1, 'needs at least one round').max(8, 'at most 8 rounds').optional(),
  personas: z.array(Persona).min(1, 'needs at least one persona'),
  unwrittenRules: z.array(UnwrittenRule),
});
export type TrackFile = z.infer<typeof TrackFile>;

/** A track as the loader returns it: the file plus its question ids in folder order. */
export type Track = TrackFile & { questionIds: string[] };
