import { z } from 'zod';
import { NonBlank } from './text.js';

/** A named slice of a round with its suggested length, shown to both sides as a pacing guide. */
export const Phase = z.strictObject({ name: NonBlank, minutes: z.number().int().positive() });
export type Phase = z.infer<typeof Phase>;
