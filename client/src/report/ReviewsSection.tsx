import type { ReviewSummary, RoomReport } from '@mockloop/shared';
import { useState } from 'react';
import { createReview, revokeReview } from '../lib/api';
import { momentText, reviewLink } from '../review/reviewLink';

interface Props {
  roomId: string;
  report: RoomReport;
  /** This browser's own seat secret (asking and revoking need it), or null on a report link. */
  ownSecret: string | null;
  /** The room's reviews (useReviews), and how to read them again after a change. */
  reviews: readonly ReviewSummary[];
  reload: () => void;
}

/**
 * A friend's review in the candidate's report (P-REVIEW-1..4): Ask for a review makes a link
 * (revocable here); the comments come back pinned to moments of the round, each a link into the
 * replay, and the reviewer's scorecard shows in the round beside the self-assessment.
 */
export function ReviewsSection({ roomId, report, ownSecret, reviews, reload }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  // Rounds this person played as the candidate and assessed themself: those may be reviewed.
  const reviewable = report.rounds.filter(
    (r) => r.candidate?.id === report.viewerId && r.selfAssessment !== null && r.endedAt !== null,
  );
  if (reviewable.length === 0 && reviews.length === 0) return null;

  async function ask(round: number) {
    if (!ownSecret) return;
    try {
      await createReview(roomId, round, ownSecret);
      setProblem(null);
      reload();
    } catch (err) {
      setProblem((err as Error).message);
    }
  }

  async function revoke(id: string) {
    if (!ownSecret) return;
    await revokeReview(roomId, id, ownSecret);
    reload();
  }

  return (
    <section className="card no-print" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">A friend's review</h2>
      <p className="muted small">
        A review link opens this round's replay in any browser; your friend pins comments to its moments and
        fills in the interviewer's scorecard. You can revoke a link at any time.
      </p>
      {ownSecret &&
        reviewable.map((r) => (
          <button key={r.number} type="button" className="button" onClick={() => void ask(r.number)}>
            Ask for a review{reviewable.length > 1 ? ` of round ${r.number}` : ''}
          </button>
        ))}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {reviews.map((review) => (
        <div key={review.id} className="review-entry">
          <h3>Review of round {review.round}</h3>
          {review.key ? (
            <p className="small">
              <label>
                Review link{' '}
                <input readOnly value={reviewLink(window.location.origin, roomId, review.key)} size={48} />
              </label>{' '}
              {ownSecret && (
                <button type="button" className="button small-button" onClick={() => void revoke(review.id)}>
                  Revoke this link
                </button>
              )}
            </p>
          ) : (
            <p className="muted small">This link was revoked.</p>
          )}
          <p className="small">
            {review.scorecardSubmitted ? 'The scorecard is in (see the round below).' : 'No scorecard yet.'}
          </p>
          {review.comments.length > 0 && (
            <ol aria-label={`Review comments on round ${review.round}`} className="small">
              {[...review.comments]
                .sort((a, b) => a.atMs - b.atMs)
                .map((c) => (
                  <li key={c.id}>
                    <a href={`?round=${review.round}&t=${Math.floor(c.atMs / 1000)}`}>{momentText(c.atMs)}</a>{' '}
                    {c.text} <span className="muted">({c.by})</span>
                  </li>
                ))}
            </ol>
          )}
        </div>
      ))}
    </section>
  );
}
