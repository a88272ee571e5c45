/** How hard a question or a whole loop is, as the source rates it. */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
