import type { ReviewRecord, Written } from './records.js';

/** Review links and their comments (CONTRACT.md, S-REVIEW-1): written guarded by their revision. */
export interface ReviewStore {
  createReview(record: ReviewRecord): Promise<void>;
  getReview(id: string): Promise<ReviewRecord | null>;
  /** A room's reviews, oldest first. */
  listReviews(roomId: string): Promise<ReviewRecord[]>;
  /** Replaces the record (revision `expected + 1`) if its revision is still `expected`. */
  updateReview(record: ReviewRecord, expected: number): Promise<Written>;
}
