/** Languages the shared editor highlights. The choice is room state, synced for everyone. */
export const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'cpp', 'go'] as const;
type LanguageName = (typeof LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<LanguageName, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  cpp: 'C++',
  go: 'Go',
};

export const DEFAULT_LANGUAGE: LanguageName = 'python';
