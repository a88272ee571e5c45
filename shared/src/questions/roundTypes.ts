import { z } from 'zod';
import { ROUND_TYPES } from '../values/roundTypes.js';

export * from '../values/roundTypes.js';

/** Kinds of interview round; they decide the room's default layout and which questions fit. */
export const RoundType = z.enum(ROUND_TYPES);
export type RoundType = z.infer<typeof RoundType>;
