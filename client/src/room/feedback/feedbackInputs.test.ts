import { describe, expect, it } from 'vitest';
import { feedbackProblem, scorecardInput, selfAssessmentInput } from './feedbackInputs';
import { EMPTY_DRAFT } from './useFeedbackDraft';

const criteria = [
  { id: 'c1', name: 'Problem solving' },
  { id: 'c2', name: 'Communication' },
];

describe('feedback form inputs', () => {
  it('names the criteria still unrated first', () => {
    const draft = { ...EMPTY_DRAFT, scores: { c1: 3 } };
    expect(feedbackProblem('scorecard', criteria, draft, 'Cal')).toBe('Rate every criterion: Communication.');
  });

  it('asks the interviewer for a recommendation and the candidate for both ratings', () => {
    const rated = { ...EMPTY_DRAFT, scores: { c1: 3, c2: 4 } };
    expect(feedbackProblem('scorecard', criteria, rated, 'Cal')).toBe('Choose an overall recommendation.');
    expect(feedbackProblem('scorecard', criteria, { ...rated, recommendation: 'yes' }, 'Cal')).toBeNull();
    expect(feedbackProblem('self-assessment', criteria, { ...rated, clarity: 4 }, 'Ivy')).toBe(
      'Rate how clear and how helpful Ivy was.',
    );
    expect(
      feedbackProblem('self-assessment', criteria, { ...rated, clarity: 4, helpfulness: 5 }, 'Ivy'),
    ).toBeNull();
  });

  it('builds each kind from the draft, one rating per criterion', () => {
    const draft = {
      ...EMPTY_DRAFT,
      scores: { c1: 3, c2: 4 },
      comments: { c2: 'clear' },
      recommendation: 'yes' as const,
      wentWell: 'w',
      toImprove: 't',
      clarity: 4,
      helpfulness: 5,
      comment: 'thanks',
    };
    const ratings = [
      { criterionId: 'c1', score: 3, comment: '' },
      { criterionId: 'c2', score: 4, comment: 'clear' },
    ];
    expect(scorecardInput(2, criteria, draft)).toEqual({
      round: 2,
      ratings,
      recommendation: 'yes',
      wentWell: 'w',
      toImprove: 't',
    });
    expect(selfAssessmentInput(2, criteria, draft)).toEqual({
      round: 2,
      ratings,
      interviewerClarity: 4,
      interviewerHelpfulness: 5,
      comment: 'thanks',
    });
  });
});
