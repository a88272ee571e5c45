import { z } from 'zod';
import { DIFFICULTIES } from '../values/difficulty.js';

export * from '../values/difficulty.js';

/** How hard a question or a whole loop is, as the source rates it. */
export const Difficulty = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof Difficulty>;
