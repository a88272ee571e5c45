/** Bank-wide authoring rules, shared by the schema, the loader and the documentation. */
export const QUESTION_RULES = {
  rubricMin: 3,
  rubricMax: 6,
  hintsMin: 3,
  codingTestsMin: 8,
} as const;

/** Languages every coding question ships starter code for; reference solutions cover the subset below. */
export const STARTER_LANGUAGES = ['python', 'javascript', 'typescript'] as const;
export const SOLUTION_LANGUAGES = ['python', 'typescript'] as const;
export type SolutionLanguage = (typeof SOLUTION_LANGUAGES)[number];

/** Lower-case words joined by single hyphens: ids stay stable in URLs, file names and logs. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
