import { z } from 'zod';
import { LANGUAGES } from '../values/languages.js';

export * from '../values/languages.js';

/** Languages the shared editor highlights. The choice is room state, synced for everyone. */
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;
