import { z } from 'zod';
import { KebabId } from './text.js';
import { Persona, TrackFile } from './track.js';

/** A persona as the candidate may see it: who they face, not how the interviewer plays them. */
export const PublicPersona = Persona.omit({ interviewerGuidance: true });
export type PublicPersona = z.infer<typeof PublicPersona>;

/** The candidate-safe view of a track: the track file with public personas, plus its question ids. */
export const PublicTrack = TrackFile.extend({
  personas: z.array(PublicPersona),
  questionIds: z.array(KebabId),
});
export type PublicTrack = z.infer<typeof PublicTrack>;
