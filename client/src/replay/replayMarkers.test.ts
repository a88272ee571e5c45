import type { ReviewComment } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { commentMarkers, type ReplayMarker, withMarkers } from './replayMarkers';

const comment = (atMs: number, text: string): ReviewComment => ({
  id: atMs,
  atMs,
  text,
  by: 'Dana',
  createdAt: 0,
});

describe('review comments on the replay timeline (P-REVIEW-3)', () => {
  it('place each comment at its moment from the start and sort it among the round’s markers', () => {
    const start = 1_000_000;
    const round: ReplayMarker[] = [
      { at: start + 1_000, kind: 'question', label: 'Question revealed', detail: 'Top K' },
      { at: start + 60_000, kind: 'end', label: 'Round ended', detail: '' },
    ];
    const comments = commentMarkers(
      [comment(30_000, 'Good clarifying question'), comment(500, 'Say hello')],
      start,
    );
    expect(comments[0]).toEqual({
      at: start + 30_000,
      kind: 'comment',
      label: 'Comment by Dana',
      detail: 'Good clarifying question',
    });
    expect(withMarkers(round, comments).map((m) => [m.at - start, m.kind])).toEqual([
      [500, 'comment'],
      [1_000, 'question'],
      [30_000, 'comment'],
      [60_000, 'end'],
    ]);
    // Without comments the round's own list is given back as it was, not re-sorted.
    expect(withMarkers(round, [])).toEqual(round);
  });
});
