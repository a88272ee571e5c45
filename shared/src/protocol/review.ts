import { z } from 'zod';
import type { RoundType } from '../questions/roundTypes.js';
import { DisplayName } from './ids.js';
import type { Language } from './languages.js';
import type { CriterionInfo } from './rounds.js';

/** Reviews one room may have (each a key the candidate may revoke). */
export const MAX_REVIEWS_PER_ROOM = 20;
/** Comments one review may hold. */
export const MAX_REVIEW_COMMENTS = 100;
export const MAX_REVIEW_COMMENT_CHARS = 1000;

/** `POST /api/rooms/:roomId/reviews`: the candidate asks for a review of one round (P-REVIEW-1). */
export const CreateReviewRequest = z.object({ round: z.number().int().min(1).max(999) });
export type CreateReviewRequest = z.infer<typeof CreateReviewRequest>;

/** A comment pinned to a moment of the round: milliseconds after the round started. */
export const ReviewCommentInput = z.object({
  atMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000),
  text: z.string().trim().min(1).max(MAX_REVIEW_COMMENT_CHARS),
  /** The reviewer's name, as they want the candidate to see it. */
  by: DisplayName,
});
export type ReviewCommentInput = z.infer<typeof ReviewCommentInput>;

export interface ReviewComment {
  id: number;
  atMs: number;
  text: string;
  by: string;
  createdAt: number;
}

/** A review as its candidate sees it: the key (until revoked), the comments, whether it is scored. */
export interface ReviewSummary {
  id: string;
  round: number;
  createdAt: number;
  revokedAt: number | null;
  /** The review key (`rv.…`), for the link; null once revoked. */
  key: string | null;
  comments: ReviewComment[];
  scorecardSubmitted: boolean;
}

/** What a reviewer's key opens (`GET /api/rooms/:roomId/review`, P-REVIEW-2). */
export interface ReviewView {
  roomId: string;
  round: number;
  roundType: RoundType;
  /** The room's language, for the replay's editor. */
  language: Language;
  candidateName: string;
  questionTitle: string | null;
  /** The rubric to score, with what each score means. */
  criteria: Array<CriterionInfo & { scores: Record<1 | 2 | 3 | 4, string> }>;
  comments: ReviewComment[];
  scorecardSubmitted: boolean;
}
