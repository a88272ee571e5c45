import type { Difficulty } from '../questions/difficulty.js';
import type { OwnQuestionFile } from '../questions/question.js';
import type { RoundType } from '../questions/roundTypes.js';
import type { ErrorBody } from './errors.js';

/**
 * My questions (P-MYQ-*): questions a person writes in the browser, kept on the server under the
 * browser's author secret (no account), sent as `Authorization: Bearer <secret>`.
 */
export const MY_QUESTIONS_API = {
  list: '/api/my-questions',
  one: (key: string) => `/api/my-questions/${encodeURIComponent(key)}`,
  import: '/api/my-questions/import',
  export: '/api/my-questions/export',
  share: (key: string) => `/api/my-questions/${encodeURIComponent(key)}/share`,
  shared: (shareKey: string) => `/api/shared-questions/${encodeURIComponent(shareKey)}`,
  copy: (shareKey: string) => `/api/shared-questions/${encodeURIComponent(shareKey)}/copy`,
} as const;

/** A browser's author secret: 32 random bytes in base64url, made by the browser on first use. */
export const AUTHOR_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** A question's key in My questions (random, 80 bits, lower-case hex). */
export const OWN_QUESTION_KEY_PATTERN = /^[0-9a-f]{20}$/;
/** A share link's key (random, 192 bits, base64url). */
export const SHARE_KEY_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** In rooms and the question browser a question of My questions is `my-<key>`. */
export const OWN_QUESTION_PREFIX = 'my-';
export const ownQuestionId = (key: string) => `${OWN_QUESTION_PREFIX}${key}`;

/** One line of the list: enough to find a question without loading its body. */
export interface OwnQuestionSummary {
  key: string;
  id: string;
  title: string;
  roundType: RoundType;
  difficulty: Difficulty;
  updatedAt: number;
  /** The share link's key once the author shared it, else null. */
  shareKey: string | null;
}

/** GET /api/my-questions: the list, and how much of the quota it uses. */
export interface OwnQuestionList {
  questions: OwnQuestionSummary[];
  limits: { perPerson: number; bytesPerPerson: number; questionBytes: number; usedBytes: number };
}

/** One question with its whole body (the author's own view: rubric and hidden tests included). */
export interface OwnQuestionEntry extends OwnQuestionSummary {
  question: OwnQuestionFile;
}

/** What a share link shows: the whole question (it carries the private parts, and says so). */
export interface SharedQuestion {
  question: OwnQuestionFile;
  notice: string;
}

/** One thing wrong with what was sent: the field as an author writes it, and why. */
export interface FieldProblem {
  field: string;
  reason: string;
  /** In an import of several YAML documents: which one (from 1). */
  document?: number;
}

/** A refused write: the error, and each field's problem. */
export interface FieldErrorBody extends ErrorBody {
  problems?: FieldProblem[];
}
