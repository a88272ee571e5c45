import type { CriterionInfo, RubricCriterion, ScorecardInput, SelfAssessmentInput } from '@mockloop/shared';
import { type FormEvent, useState } from 'react';
import { useAction } from '../../lib/useAction';
import { feedbackProblem, scorecardInput, selfAssessmentInput } from './feedbackInputs';
import { RatingField } from './RatingField';
import { ScorecardFields } from './ScorecardFields';
import { SelfAssessmentFields } from './SelfAssessmentFields';
import { type SetDraftField, useFeedbackDraft } from './useFeedbackDraft';

interface Props {
  /** The room, so the draft is kept per room, round and kind (useFeedbackDraft). */
  roomId: string;
  round: number;
  kind: 'scorecard' | 'self-assessment';
  /** The interviewer gets the full rubric (with what each score means); the candidate the names. */
  criteria: Array<CriterionInfo & { scores?: RubricCriterion['scores'] }>;
  partnerName: string;
  onSubmitScorecard(input: ScorecardInput): Promise<string | null>;
  onSubmitSelfAssessment(input: SelfAssessmentInput): Promise<string | null>;
}

/** The end-of-round form: a scorecard for the interviewer, a self-assessment for the candidate. */
export function FeedbackForm({
  roomId,
  round,
  kind,
  criteria,
  partnerName,
  onSubmitScorecard,
  onSubmitSelfAssessment,
}: Props) {
  const { draft, update, clear } = useFeedbackDraft(roomId, round, kind);
  const set: SetDraftField = (key, value) => update((d) => ({ ...d, [key]: value }));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useAction(async () => {
    const failed =
      kind === 'scorecard'
        ? await onSubmitScorecard(scorecardInput(round, criteria, draft))
        : await onSubmitSelfAssessment(selfAssessmentInput(round, criteria, draft));
    if (!failed) clear();
    return failed;
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = feedbackProblem(kind, criteria, draft, partnerName);
    setProblem(found);
    if (!found) void submit.run();
  }

  return (
    <form
      className="feedback-form"
      onSubmit={onSubmit}
      aria-label={kind === 'scorecard' ? 'Scorecard' : 'Self-assessment'}
    >
      <h2>{kind === 'scorecard' ? `Scorecard for ${partnerName}` : 'Your self-assessment'}</h2>
      <p className="muted small">
        {kind === 'scorecard'
          ? 'Score what you observed, 1 (weak) to 4 (excellent). The candidate sees this after their self-assessment.'
          : `Rate yourself on the same criteria, then ${partnerName}. You will see their scorecard once you submit.`}
      </p>
      {criteria.length === 0 && (
        <p className="muted small">No question was revealed in this round: give overall feedback.</p>
      )}
      {criteria.map((c) => (
        <RatingField
          key={c.id}
          label={c.name}
          detail={c.measures}
          max={4}
          value={draft.scores[c.id] ?? null}
          levels={c.scores}
          onChange={(v) => update((d) => ({ ...d, scores: { ...d.scores, [c.id]: v } }))}
          comment={draft.comments[c.id]}
          onComment={(text) => update((d) => ({ ...d, comments: { ...d.comments, [c.id]: text } }))}
        />
      ))}
      {kind === 'scorecard' ? (
        <ScorecardFields draft={draft} set={set} />
      ) : (
        <SelfAssessmentFields draft={draft} set={set} partnerName={partnerName} />
      )}
      {(problem ?? submit.error) && (
        <p role="alert" className="error small">
          {problem ?? submit.error}
        </p>
      )}
      <button type="submit" className="button primary wide" disabled={submit.busy}>
        {submit.busy ? 'Submitting…' : 'Submit feedback'}
      </button>
    </form>
  );
}
