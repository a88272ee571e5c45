import { RECOMMENDATION_LABELS, RECOMMENDATIONS, type Recommendation } from '@mockloop/shared';
import { useId } from 'react';
import type { FeedbackDraft, SetDraftField } from './useFeedbackDraft';

interface Props {
  draft: FeedbackDraft;
  set: SetDraftField;
}

/** The interviewer's part of the scorecard after the criteria: the recommendation and two notes. */
export function ScorecardFields({ draft, set }: Props) {
  const ids = { recommendation: useId(), well: useId(), improve: useId() };
  return (
    <>
      <label htmlFor={ids.recommendation}>Overall recommendation</label>
      <select
        id={ids.recommendation}
        value={draft.recommendation}
        onChange={(e) => set('recommendation', e.target.value as Recommendation)}
      >
        <option value="">Choose…</option>
        {RECOMMENDATIONS.map((r) => (
          <option key={r} value={r}>
            {RECOMMENDATION_LABELS[r]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.well}>What went well</label>
      <textarea
        id={ids.well}
        rows={3}
        maxLength={4000}
        value={draft.wentWell}
        onChange={(e) => set('wentWell', e.target.value)}
      />
      <label htmlFor={ids.improve}>What to improve</label>
      <textarea
        id={ids.improve}
        rows={3}
        maxLength={4000}
        value={draft.toImprove}
        onChange={(e) => set('toImprove', e.target.value)}
      />
    </>
  );
}
