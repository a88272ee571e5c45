import {
  MAX_REVIEW_COMMENTS,
  MAX_REVIEWS_PER_ROOM,
  type ReviewCommentInput,
  type ReviewSummary,
  type ReviewView,
  type ScorecardInput,
} from '@mockloop/shared';
import { ReviewKeys } from '../auth/ReviewKeys.js';
import { AppError } from '../common/AppError.js';
import { criteriaOf } from '../questions/criteria.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import {
  FeedbackExistsError,
  type ParticipantRecord,
  type ReviewRecord,
  type RoundRecord,
  type Store,
} from '../store/Store.js';

/** A review key's holder: the review, and the candidate whose round it opens (read-only). */
export interface Reviewer {
  review: ReviewRecord;
  candidate: ParticipantRecord;
}

/**
 * A friend's review of a round (P-REVIEW-1..4): the candidate makes and revokes review keys; a
 * key's holder reads the round's replay as the candidate sees it, pins comments to its moments
 * and fills the interviewer's scorecard once; the candidate reads both.
 */
export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly bank: QuestionBank,
    private readonly keys: ReviewKeys,
    private readonly now: () => number = Date.now,
  ) {}

  /** The round's candidate asks for a review, once the round ended and they assessed themself. */
  async create(candidate: ParticipantRecord, roundNumber: number): Promise<ReviewSummary> {
    const round = await this.store.getRound(candidate.roomId, roundNumber);
    if (!round) throw new AppError('NOT_FOUND', 'There is no such round.');
    if (candidate.id !== round.candidateId) {
      throw new AppError('FORBIDDEN', "Only this round's candidate asks for its review.");
    }
    const feedback = await this.store.listFeedback(round.roomId);
    const assessed = feedback.some((f) => f.round === round.number && f.kind === 'self-assessment');
    if (round.endedAt === null || !assessed) {
      throw new AppError(
        'BAD_REQUEST',
        'Ask for a review once the round has ended and your self-assessment is in.',
      );
    }
    if ((await this.store.listReviews(round.roomId)).length >= MAX_REVIEWS_PER_ROOM) {
      throw new AppError('RATE_LIMITED', `A room may have ${MAX_REVIEWS_PER_ROOM} review links.`);
    }
    const review: ReviewRecord = {
      id: ReviewKeys.newReviewId(),
      roomId: round.roomId,
      round: round.number,
      createdBy: candidate.id,
      createdAt: this.now(),
      revokedAt: null,
      comments: [],
      revision: 0,
    };
    await this.store.createReview(review);
    return this.summary(review, false);
  }

  /** The candidate's reviews of this room, with their comments and keys. */
  async list(candidate: ParticipantRecord): Promise<ReviewSummary[]> {
    const [reviews, feedback] = await Promise.all([
      this.store.listReviews(candidate.roomId),
      this.store.listFeedback(candidate.roomId),
    ]);
    const scoredBy = new Set(feedback.filter((f) => f.kind === 'scorecard').map((f) => f.authorId));
    return reviews
      .filter((r) => r.createdBy === candidate.id)
      .map((r) => this.summary(r, scoredBy.has(reviewAuthor(r))));
  }

  /** Revokes a review key: from now on it opens nothing. */
  async revoke(candidate: ParticipantRecord, reviewId: string): Promise<void> {
    for (let i = 0; i < 25; i++) {
      const review = await this.store.getReview(reviewId);
      if (!review || review.roomId !== candidate.roomId || review.createdBy !== candidate.id) {
        throw new AppError('NOT_FOUND', 'There is no such review.');
      }
      if (review.revokedAt !== null) return;
      const written = await this.store.updateReview({ ...review, revokedAt: this.now() }, review.revision);
      if (written === 'written') return;
    }
    throw new AppError('INTERNAL', 'The review is busy; try again.');
  }

  /** Who a review key speaks for, or null: a malformed, forged, other room's or revoked key. */
  async authorize(roomId: string, key: string): Promise<Reviewer | null> {
    const reviewId = this.keys.verify(roomId, key);
    if (!reviewId) return null;
    const review = await this.store.getReview(reviewId);
    if (!review || review.roomId !== roomId || review.revokedAt !== null) return null;
    const candidate = await this.store.getParticipant(review.createdBy);
    return candidate?.roomId === roomId ? { review, candidate } : null;
  }

  async view({ review: known, candidate }: Reviewer): Promise<ReviewView> {
    // Read again: the reviewer's own comment may have landed since the key was checked.
    const review = (await this.store.getReview(known.id)) ?? known;
    const round = await this.roundOf(review);
    const question = round.revealedAt !== null ? this.question(round.questionId) : undefined;
    const room = await this.store.getRoom(review.roomId);
    return {
      roomId: review.roomId,
      round: review.round,
      roundType: round.roundType,
      language: room?.language ?? 'python',
      candidateName: candidate.name,
      questionTitle: question?.title ?? null,
      criteria: (question?.interviewer.rubric ?? []).map((c) => ({
        id: c.id,
        name: c.name,
        measures: c.measures,
        scores: { ...c.scores },
      })),
      comments: review.comments,
      scorecardSubmitted: await this.scored(review),
    };
  }

  /** A comment pinned to a moment of the round (P-REVIEW-3); at most MAX_REVIEW_COMMENTS. */
  async comment({ review }: Reviewer, input: ReviewCommentInput): Promise<void> {
    for (let i = 0; i < 25; i++) {
      const fresh = await this.store.getReview(review.id);
      if (!fresh || fresh.revokedAt !== null)
        throw new AppError('NOT_JOINED', 'This review link was revoked.');
      if (fresh.comments.length >= MAX_REVIEW_COMMENTS) {
        throw new AppError('RATE_LIMITED', `A review holds at most ${MAX_REVIEW_COMMENTS} comments.`);
      }
      const id = (fresh.comments.at(-1)?.id ?? 0) + 1;
      const added = { id, atMs: input.atMs, text: input.text, by: input.by, createdAt: this.now() };
      const written = await this.store.updateReview(
        { ...fresh, comments: [...fresh.comments, added] },
        fresh.revision,
      );
      if (written === 'written') return;
    }
    throw new AppError('INTERNAL', 'The review is busy; try again.');
  }

  /**
   * The interviewer's scorecard of the round, filled by the reviewer (P-REVIEW-4): the round's
   * one scorecard, final, rating each criterion of the revealed question once, as P-ROUND-3.
   */
  async scorecard({ review }: Reviewer, input: ScorecardInput, by: string): Promise<void> {
    if (input.round !== review.round) throw new AppError('BAD_REQUEST', 'This review is of another round.');
    const round = await this.roundOf(review);
    const revealed = round.revealedAt !== null ? this.question(round.questionId) : undefined;
    const expected = criteriaOf(revealed).map((c) => c.id);
    const given = input.ratings.map((r) => r.criterionId);
    if (given.length !== expected.length || !expected.every((id) => given.includes(id))) {
      throw new AppError('BAD_REQUEST', `Rate each criterion once: ${expected.join(', ') || 'none'}.`);
    }
    try {
      await this.store.saveFeedback({
        roomId: round.roomId,
        round: round.number,
        kind: 'scorecard',
        authorId: reviewAuthor(review),
        submittedAt: this.now(),
        data: { ...input, reviewer: by },
      });
    } catch (err) {
      if (err instanceof FeedbackExistsError) {
        throw new AppError('CONFLICT', 'This round already has its scorecard; it cannot be changed.');
      }
      throw err;
    }
    await this.store.appendEvent({
      roomId: round.roomId,
      round: round.number,
      at: this.now(),
      type: 'scorecard-submitted',
      data: { by: reviewAuthor(review) },
    });
  }

  private summary(review: ReviewRecord, scored: boolean): ReviewSummary {
    return {
      id: review.id,
      round: review.round,
      createdAt: review.createdAt,
      revokedAt: review.revokedAt,
      key: review.revokedAt === null ? this.keys.keyFor(review.roomId, review.id) : null,
      comments: review.comments,
      scorecardSubmitted: scored,
    };
  }

  private async scored(review: ReviewRecord): Promise<boolean> {
    const feedback = await this.store.listFeedback(review.roomId);
    return feedback.some((f) => f.round === review.round && f.kind === 'scorecard');
  }

  private async roundOf(review: ReviewRecord): Promise<RoundRecord> {
    const round = await this.store.getRound(review.roomId, review.round);
    if (!round) throw new AppError('NOT_FOUND', 'There is no such round.');
    return round;
  }

  private question(id: string | null) {
    return id ? this.bank.questions.find((q) => q.id === id) : undefined;
  }
}

/** The author id a reviewer's scorecard is stored under (no participant has it). */
function reviewAuthor(review: ReviewRecord): string {
  return `review:${review.id}`;
}
