import type { ReviewSummary } from '@mockloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { fetchReviews } from '../lib/api';

/**
 * The room's reviews as the report's reader may see them (P-REVIEW-3): for the reviews section and
 * for the comments each round's replay draws on its timeline. None when they cannot be read.
 */
export function useReviews(roomId: string, bearer: string | null) {
  const [reviews, setReviews] = useState<ReviewSummary[]>([]);
  const reload = useCallback(() => {
    if (bearer) fetchReviews(roomId, bearer).then(setReviews, () => setReviews([]));
  }, [roomId, bearer]);
  useEffect(reload, [reload]);
  return { reviews, reload };
}

/** Every review comment on one round, in the order they were made. */
export function roundComments(reviews: readonly ReviewSummary[], round: number) {
  return reviews
    .filter((review) => review.round === round)
    .flatMap((review) => review.comments)
    .sort((a, b) => a.createdAt - b.createdAt);
}
