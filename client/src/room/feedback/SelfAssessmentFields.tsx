import { useId } from 'react';
import { RatingField } from './RatingField';
import type { FeedbackDraft, SetDraftField } from './useFeedbackDraft';

interface Props {
  draft: FeedbackDraft;
  set: SetDraftField;
  partnerName: string;
}

/** The candidate's part of the self-assessment after the criteria: rating the interviewer. */
export function SelfAssessmentFields({ draft, set, partnerName }: Props) {
  const commentId = useId();
  return (
    <>
      <RatingField
        label={`How clear was ${partnerName}?`}
        max={5}
        value={draft.clarity}
        onChange={(v) => set('clarity', v)}
      />
      <RatingField
        label={`How helpful was ${partnerName}?`}
        max={5}
        value={draft.helpfulness}
        onChange={(v) => set('helpfulness', v)}
      />
      <label htmlFor={commentId}>Anything else for {partnerName}?</label>
      <textarea
        id={commentId}
        rows={3}
        maxLength={4000}
        value={draft.comment}
        onChange={(e) => set('comment', e.target.value)}
      />
    </>
  );
}
