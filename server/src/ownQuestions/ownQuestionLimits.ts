/** What one author (one browser secret) may keep in My questions, and how large each piece may be. */
export interface OwnQuestionLimits {
  /** Questions in one author's list. */
  perPerson: number;
  /** Bytes of one question, as stored JSON (tests expanded). */
  questionBytes: number;
  /** Bytes of one author's questions together. */
  bytesPerPerson: number;
  /** Bytes of one YAML import (one question or a set). */
  importBytes: number;
  /** Questions in one import. */
  importCount: number;
  /** Creates, edits, imports and copies from one address an hour (authors are free to make). */
  writesPerIpPerHour: number;
}

export const DEFAULT_OWN_QUESTION_LIMITS: OwnQuestionLimits = {
  perPerson: 100,
  questionBytes: 64 * 1024,
  bytesPerPerson: 2 * 1024 * 1024,
  importBytes: 512 * 1024,
  importCount: 50,
  writesPerIpPerHour: 300,
};

/** Shape bounds of one question, checked on the raw value before the schema sees it. */
export const OWN_QUESTION_SHAPE = {
  /** Characters of any one text (a prompt, a starter file). */
  textChars: 20_000,
  /** Items of any one list (tests, hints). */
  listItems: 200,
  /** Nesting of any value (tests' arguments included). */
  depth: 24,
} as const;
