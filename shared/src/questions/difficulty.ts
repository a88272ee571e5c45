import { z } from 'zod';

/** How hard a question or a whole loop is, as the source rates it. */
export const Difficulty = z.enum(['easy', 'medium', 'hard']);
export type Difficulty = z.infer<typeof Difficulty>;
