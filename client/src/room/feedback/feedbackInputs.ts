import type { CriterionInfo, Recommendation, ScorecardInput, SelfAssessmentInput } from '@mockloop/shared';
import type { FeedbackDraft } from './useFeedbackDraft';

type Kind = 'scorecard' | 'self-assessment';

/**
 * Why the draft cannot be sent yet, in a sentence for the form, or null when it is complete: every
 * criterion rated, and the recommendation (scorecard) or the two ratings of the partner (self-assessment).
 */
export function feedbackProblem(
  kind: Kind,
  criteria: readonly Pick<CriterionInfo, 'id' | 'name'>[],
  draft: FeedbackDraft,
  partnerName: string,
): string | null {
  const missing = criteria.filter((c) => !draft.scores[c.id]).map((c) => c.name);
  if (missing.length > 0) return `Rate every criterion: ${missing.join(', ')}.`;
  if (kind === 'scorecard' && !draft.recommendation) return 'Choose an overall recommendation.';
  if (kind === 'self-assessment' && (!draft.clarity || !draft.helpfulness)) {
    return `Rate how clear and how helpful ${partnerName} was.`;
  }
  return null;
}

function ratings(criteria: readonly Pick<CriterionInfo, 'id'>[], draft: FeedbackDraft) {
  return criteria.map((c) => ({
    criterionId: c.id,
    score: draft.scores[c.id] ?? 0,
    comment: draft.comments[c.id] ?? '',
  }));
}

/** The scorecard to send from a complete draft (see feedbackProblem). */
export function scorecardInput(
  round: number,
  criteria: readonly Pick<CriterionInfo, 'id'>[],
  draft: FeedbackDraft,
): ScorecardInput {
  return {
    round,
    ratings: ratings(criteria, draft),
    recommendation: draft.recommendation as Recommendation,
    wentWell: draft.wentWell,
    toImprove: draft.toImprove,
  };
}

/** The self-assessment to send from a complete draft (see feedbackProblem). */
export function selfAssessmentInput(
  round: number,
  criteria: readonly Pick<CriterionInfo, 'id'>[],
  draft: FeedbackDraft,
): SelfAssessmentInput {
  return {
    round,
    ratings: ratings(criteria, draft),
    interviewerClarity: draft.clarity ?? 0,
    interviewerHelpfulness: draft.helpfulness ?? 0,
    comment: draft.comment,
  };
}
