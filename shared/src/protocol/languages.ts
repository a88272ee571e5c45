import { z } from 'zod';

/** Languages the shared editor highlights. The choice is room state, synced for everyone. */
export const Language = z.enum(['python', 'javascript', 'typescript', 'java', 'cpp', 'go']);
export type Language = z.infer<typeof Language>;

export const LANGUAGE_LABELS: Record<Language, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  cpp: 'C++',
  go: 'Go',
};

export const DEFAULT_LANGUAGE: Language = 'python';
