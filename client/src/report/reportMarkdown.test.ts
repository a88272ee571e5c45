import type { RoomReport } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { reportToMarkdown } from './reportMarkdown';

const report: RoomReport = {
  roomId: 'r',
  roundType: 'coding',
  viewerId: 'a',
  rounds: [
    {
      number: 1,
      question: { id: 'q', title: 'Top K', roundLabel: 'Coding', prompt: 'Find them.' },
      interviewer: { id: 'a', name: 'Ivy' },
      candidate: { id: 'b', name: 'Cal' },
      startedAt: 0,
      revealedAt: 0,
      endedAt: 61_000,
      timeUsedMs: 61_000,
      hints: [{ index: 0, text: 'Use a heap.', revealedAt: 30_000 }],
      code: { language: 'python', text: 'def f(): pass' },
      criteria: [{ id: 'c1', name: 'Correctness', measures: 'works' }],
      scorecard: {
        round: 1,
        ratings: [{ criterionId: 'c1', score: 3, comment: '' }],
        recommendation: 'strong-yes',
        wentWell: 'Clear',
        toImprove: 'Tests',
        submittedAt: 1,
      },
      scorecardWithheld: false,
      selfAssessment: {
        round: 1,
        ratings: [{ criterionId: 'c1', score: 2, comment: '' }],
        interviewerClarity: 4,
        interviewerHelpfulness: 5,
        comment: '',
        submittedAt: 2,
      },
    },
  ],
};

describe('reportToMarkdown', () => {
  it('puts scorecard and self-assessment side by side, with hints, time and code', () => {
    const md = reportToMarkdown(report);
    expect(md).toContain('## Round 1: Top K');
    expect(md).toContain('| Correctness | 3 | 2 |');
    expect(md).toContain('**Recommendation:** Strong yes');
    expect(md).toContain('1:01');
    expect(md).toContain('Use a heap.');
    expect(md).toContain('```\ndef f(): pass\n```');
  });

  it('says when the scorecard is withheld', () => {
    const first = report.rounds[0];
    if (!first) throw new Error('fixture');
    const md = reportToMarkdown({
      ...report,
      rounds: [{ ...first, scorecard: null, scorecardWithheld: true }],
    });
    expect(md).toContain('shown after your self-assessment');
    expect(md).not.toContain('Strong yes');
  });
});
