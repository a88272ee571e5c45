/** Languages the shared editor highlights. The choice is room state, synced for everyone. */
export const LANGUAGES = ['python', 'python-numpy', 'javascript', 'typescript', 'java', 'cpp', 'go'] as const;
type LanguageName = (typeof LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<LanguageName, string> = {
  python: 'Python',
  'python-numpy': 'Python + numpy',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  cpp: 'C++',
  go: 'Go',
};

/** A language's name for people ("Python + numpy"); an unknown one as it was stored. */
export function languageLabel(language: string): string {
  return (LANGUAGE_LABELS as Record<string, string>)[language] ?? language;
}

export const DEFAULT_LANGUAGE: LanguageName = 'python';

/** Languages that run in the browser of whoever clicks Run, in the page's sandbox. */
export const BROWSER_LANGUAGES = ['python', 'javascript', 'typescript'] as const;
/** Languages that run on the server, in its sandbox (P-SRUN-1): compiled ones, and Python with its data stack. */
export const SERVER_LANGUAGES = ['python-numpy', 'java', 'cpp', 'go'] as const;
export type ServerLanguage = (typeof SERVER_LANGUAGES)[number];

export function isServerLanguage(language: string): language is ServerLanguage {
  return (SERVER_LANGUAGES as readonly string[]).includes(language);
}
