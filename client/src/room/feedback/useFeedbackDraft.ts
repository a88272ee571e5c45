import { RECOMMENDATIONS, type Recommendation } from '@mockloop/shared';
import { useCallback, useState } from 'react';
import { storage } from '../../lib/storage';

/** Everything a feedback form holds before it is sent: both kinds' fields, the unused ones empty. */
export interface FeedbackDraft {
  scores: Record<string, number>;
  comments: Record<string, string>;
  recommendation: Recommendation | '';
  wentWell: string;
  toImprove: string;
  clarity: number | null;
  helpfulness: number | null;
  comment: string;
}

/** Sets one field of the draft (and stores it). */
export type SetDraftField = <K extends keyof FeedbackDraft>(key: K, value: FeedbackDraft[K]) => void;

export const EMPTY_DRAFT: FeedbackDraft = {
  scores: {},
  comments: {},
  recommendation: '',
  wentWell: '',
  toImprove: '',
  clarity: null,
  helpfulness: null,
  comment: '',
};

/**
 * A form's draft, kept in this browser per room, round and kind until it is submitted, so the
 * form can be unmounted and mounted again at any time (a room state arriving as the round ends,
 * the next round starting, a refresh) without losing a pick. Returns the draft, an updater that
 * stores each change at once, and `clear` for after a successful submit.
 */
export function useFeedbackDraft(roomId: string, round: number, kind: string) {
  const [draft, setDraft] = useState<FeedbackDraft>(() => readDraft(roomId, round, kind));
  const update = useCallback(
    (change: (draft: FeedbackDraft) => FeedbackDraft) => {
      setDraft((before) => {
        const next = change(before);
        storage.setDraft(roomId, round, kind, next);
        return next;
      });
    },
    [roomId, round, kind],
  );
  const clear = useCallback(() => storage.forgetDraft(roomId, round, kind), [roomId, round, kind]);
  return { draft, update, clear };
}

/** The stored draft, field by field: anything stored that does not fit is left out, never trusted. */
function readDraft(roomId: string, round: number, kind: string): FeedbackDraft {
  const stored = storage.draft(roomId, round, kind);
  if (typeof stored !== 'object' || stored === null) return EMPTY_DRAFT;
  const s = stored as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 4000) : '');
  const rating = (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
  const record = <T>(value: unknown, pick: (v: unknown) => T | null): Record<string, T> => {
    if (typeof value !== 'object' || value === null) return {};
    const out: Record<string, T> = {};
    for (const [key, item] of Object.entries(value)) {
      const picked = pick(item);
      if (picked !== null) out[key] = picked;
    }
    return out;
  };
  return {
    scores: record(s.scores, rating),
    comments: record(s.comments, (v) => (typeof v === 'string' ? v.slice(0, 4000) : null)),
    recommendation: RECOMMENDATIONS.includes(s.recommendation as Recommendation)
      ? (s.recommendation as Recommendation)
      : '',
    wentWell: text(s.wentWell),
    toImprove: text(s.toImprove),
    clarity: rating(s.clarity),
    helpfulness: rating(s.helpfulness),
    comment: text(s.comment),
  };
}
