import { z } from 'zod';
import { KEBAB_ID } from './rules.js';

/** Non-blank text: an empty or whitespace-only YAML value is caught at load time, not shown as a blank card. */
export const NonBlank = z.string().refine((value) => value.trim().length > 0, 'must not be blank');

/** A stable kebab-case identifier. */
export const KebabId = z.string().regex(KEBAB_ID, 'must be kebab-case (a-z, 0-9, single hyphens)');
