import { z } from 'zod';

/** Kinds of interview round; they decide the room's default layout and which questions fit. */
export const RoundType = z.enum(['coding', 'system-design', 'behavioral', 'technical']);
export type RoundType = z.infer<typeof RoundType>;

export const ROUND_TYPE_LABELS: Record<RoundType, string> = {
  coding: 'Coding',
  'system-design': 'System design',
  behavioral: 'Behavioral',
  technical: 'Technical',
};
