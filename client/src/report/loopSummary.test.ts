import type { RoomReport, RoundReport } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { loopSummary } from './loopSummary';
import { roundReport } from './testing/roundReport';

const round = (number: number, overrides: Partial<RoundReport>) => roundReport({ number, ...overrides });

const rated = (pairs: Array<[string, number]>) =>
  pairs.map(([criterionId, score]) => ({ criterionId, score, comment: '' }));

const scorecard = (ratings: Array<[string, number]>, recommendation: 'yes' | 'no') => ({
  round: 1,
  ratings: rated(ratings),
  recommendation,
  wentWell: '',
  toImprove: '',
  submittedAt: 1,
});

describe('loopSummary', () => {
  it('averages each criterion by name and each round type, and lists every recommendation', () => {
    const report: RoomReport = {
      roomId: 'r',
      roundType: 'recruiter-screen',
      loop: null,
      viewerId: 'cal',
      rounds: [
        round(1, {
          roundType: 'recruiter-screen',
          stageLabel: 'Recruiter screen',
          criteria: [{ id: 'a', name: 'Communication', measures: '' }],
          scorecard: scorecard([['a', 4]], 'yes'),
          selfAssessment: {
            ...scorecard([['a', 3]], 'yes'),
            interviewerClarity: 5,
            interviewerHelpfulness: 5,
            comment: '',
          },
        }),
        round(2, {
          stageLabel: 'Coding',
          criteria: [
            { id: 'x', name: 'Communication', measures: '' },
            { id: 'y', name: 'Correctness', measures: '' },
          ],
          scorecard: scorecard(
            [
              ['x', 2],
              ['y', 1],
            ],
            'no',
          ),
        }),
        round(3, { criteria: [{ id: 'z', name: 'Correctness', measures: '' }], scorecardWithheld: true }),
      ],
    };
    const summary = loopSummary(report);
    expect(summary.criteria).toEqual([
      { name: 'Communication', rounds: 2, interviewer: 3, self: 3 },
      { name: 'Correctness', rounds: 2, interviewer: 1, self: null },
    ]);
    expect(summary.roundTypes).toEqual([
      { roundType: 'recruiter-screen', label: 'Recruiter screen', rounds: 1, interviewer: 4, self: 3 },
      { roundType: 'coding', label: 'Coding', rounds: 2, interviewer: 1.5, self: null },
    ]);
    expect(summary.recommendations).toEqual([
      { number: 1, stage: 'Recruiter screen', candidate: 'Cal', recommendation: 'Yes' },
      { number: 2, stage: 'Coding', candidate: 'Cal', recommendation: 'No' },
      { number: 3, stage: 'Coding', candidate: 'Cal', recommendation: 'after your self-assessment' },
    ]);
  });
});
