/** Kinds of interview round; they decide a round's default layout and which questions fit. */
export const ROUND_TYPES = [
  'recruiter-screen',
  'coding',
  'system-design',
  'behavioral',
  'technical',
] as const;
type RoundTypeName = (typeof ROUND_TYPES)[number];

export const ROUND_TYPE_LABELS: Record<RoundTypeName, string> = {
  'recruiter-screen': 'Recruiter screen',
  coding: 'Coding',
  'system-design': 'System design',
  behavioral: 'Behavioral',
  technical: 'Technical',
};

/** Minutes on a fresh round's clock until a question or a loop plan sets its own. */
export const DEFAULT_ROUND_MINUTES: Record<RoundTypeName, number> = {
  'recruiter-screen': 30,
  coding: 45,
  'system-design': 45,
  behavioral: 20,
  technical: 30,
};

/**
 * Which questions of the bank a round of each type asks. A recruiter screen is a conversation:
 * it asks the behavioural questions (the bank has no question of its own type for it).
 */
export const QUESTION_TYPES_FOR: Record<RoundTypeName, readonly RoundTypeName[]> = {
  'recruiter-screen': ['recruiter-screen', 'behavioral'],
  coding: ['coding'],
  'system-design': ['system-design'],
  behavioral: ['behavioral'],
  technical: ['technical'],
};

/** Whether a question of type `questionType` fits a round of type `roundType`. */
export function questionFits(roundType: RoundTypeName, questionType: RoundTypeName): boolean {
  return QUESTION_TYPES_FOR[roundType].includes(questionType);
}
