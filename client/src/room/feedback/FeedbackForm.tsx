import {
  type CriterionInfo,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type Recommendation,
  type RubricCriterion,
  type ScorecardInput,
  type SelfAssessmentInput,
} from '@mockloop/shared';
import { type FormEvent, useId, useState } from 'react';
import { useAction } from '../../lib/useAction';
import { RatingField } from './RatingField';
import { useFeedbackDraft } from './useFeedbackDraft';

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
  const { scores, comments, recommendation, wentWell, toImprove, clarity, helpfulness, comment } = draft;
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    update((d) => ({ ...d, [key]: value }));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useAction(async () => {
    const ratings = criteria.map((c) => ({
      criterionId: c.id,
      score: scores[c.id] ?? 0,
      comment: comments[c.id] ?? '',
    }));
    const failed =
      kind === 'scorecard'
        ? await onSubmitScorecard({
            round,
            ratings,
            recommendation: recommendation as Recommendation,
            wentWell,
            toImprove,
          })
        : await onSubmitSelfAssessment({
            round,
            ratings,
            interviewerClarity: clarity ?? 0,
            interviewerHelpfulness: helpfulness ?? 0,
            comment,
          });
    if (!failed) clear();
    return failed;
  });
  const ids = { recommendation: useId(), well: useId(), improve: useId(), comment: useId() };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = criteria.filter((c) => !scores[c.id]).map((c) => c.name);
    if (missing.length > 0) return setProblem(`Rate every criterion: ${missing.join(', ')}.`);
    if (kind === 'scorecard' && !recommendation) return setProblem('Choose an overall recommendation.');
    if (kind === 'self-assessment' && (!clarity || !helpfulness)) {
      return setProblem(`Rate how clear and how helpful ${partnerName} was.`);
    }
    setProblem(null);
    void submit.run();
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
          value={scores[c.id] ?? null}
          levels={c.scores}
          onChange={(v) => update((d) => ({ ...d, scores: { ...d.scores, [c.id]: v } }))}
          comment={comments[c.id]}
          onComment={(text) => update((d) => ({ ...d, comments: { ...d.comments, [c.id]: text } }))}
        />
      ))}
      {kind === 'scorecard' ? (
        <>
          <label htmlFor={ids.recommendation}>Overall recommendation</label>
          <select
            id={ids.recommendation}
            value={recommendation}
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
            value={wentWell}
            onChange={(e) => set('wentWell', e.target.value)}
          />
          <label htmlFor={ids.improve}>What to improve</label>
          <textarea
            id={ids.improve}
            rows={3}
            maxLength={4000}
            value={toImprove}
            onChange={(e) => set('toImprove', e.target.value)}
          />
        </>
      ) : (
        <>
          <RatingField
            label={`How clear was ${partnerName}?`}
            max={5}
            value={clarity}
            onChange={(v) => set('clarity', v)}
          />
          <RatingField
            label={`How helpful was ${partnerName}?`}
            max={5}
            value={helpfulness}
            onChange={(v) => set('helpfulness', v)}
          />
          <label htmlFor={ids.comment}>Anything else for {partnerName}?</label>
          <textarea
            id={ids.comment}
            rows={3}
            maxLength={4000}
            value={comment}
            onChange={(e) => set('comment', e.target.value)}
          />
        </>
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
