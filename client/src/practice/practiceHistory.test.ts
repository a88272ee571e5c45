import type { RoomReport, RoundReport } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { roundReport } from '../report/testing/roundReport';
import { criterionTrends, nextToPractise, practiceRounds } from './practiceHistory';

const round = (overrides: Partial<RoundReport>): RoundReport =>
  roundReport({
    question: { id: 'q', title: 'Top K', roundLabel: 'Coding', prompt: '' },
    interviewer: { id: 'ola', name: 'Ola' },
    candidate: { id: 'ada', name: 'Ada' },
    startedAt: 1000,
    revealedAt: 1000,
    endedAt: 2000,
    timeUsedMs: 1000,
    criteria: [{ id: 'c1', name: 'Correctness', measures: '' }],
    ...overrides,
  });
const report = (viewerId: string, rounds: RoundReport[], roomId = 'r1'): RoomReport => ({
  roomId,
  roundType: 'coding',
  loop: null,
  viewerId,
  rounds,
});
const scored = (score: number, self: number, at: number) =>
  round({
    startedAt: at,
    scorecard: {
      round: 1,
      ratings: [{ criterionId: 'c1', score, comment: '' }],
      recommendation: 'yes',
      wentWell: '',
      toImprove: '',
      submittedAt: at,
    },
    selfAssessment: {
      round: 1,
      ratings: [{ criterionId: 'c1', score: self, comment: '' }],
      interviewerClarity: 3,
      interviewerHelpfulness: 3,
      comment: '',
      submittedAt: at,
    },
  });

describe('practice history', () => {
  it("lists only the viewer's own rounds, newest first, with their role and what they owe", () => {
    const rounds = practiceRounds([
      report(
        'ada',
        [
          round({ startedAt: 5 }),
          round({ number: 2, interviewer: { id: 'x', name: 'X' }, candidate: { id: 'y', name: 'Y' } }),
        ],
        'a',
      ),
      report('ola', [round({ startedAt: 9 })], 'b'),
    ]);
    expect(rounds.map((r) => [r.roomId, r.role, r.owes])).toEqual([
      ['b', 'interviewer', true],
      ['a', 'candidate', true],
    ]);
  });

  it("follows each criterion by name across rooms, oldest first, from the candidate's side only", () => {
    const rounds = practiceRounds([
      report('ada', [scored(3, 3, 200)], 'later'),
      report('ada', [scored(2, 4, 100)], 'earlier'),
      report(
        'ada',
        [round({ interviewer: { id: 'ada', name: 'Ada' }, candidate: { id: 'z', name: 'Z' } })],
        'x',
      ),
    ]);
    const [trend] = criterionTrends(rounds);
    expect(trend?.criterion).toBe('Correctness');
    expect(trend?.points.map((p) => [p.interviewer, p.self])).toEqual([
      [2, 4],
      [3, 3],
    ]);
  });
});

describe('nextToPractise', () => {
  const point = (at: number, interviewer: number | null) => ({ at, interviewer, self: null, question: null });
  it('names the criterion whose latest interviewer score is lowest, by the latest score only', () => {
    const next = nextToPractise([
      { criterion: 'Correctness', points: [point(1, 1), point(2, 3)] },
      { criterion: 'Communication', points: [point(1, 4), point(2, 2), point(3, null)] },
    ]);
    expect(next).toEqual({ criterion: 'Communication', score: 2 });
  });
  it('is null while no interviewer scored', () => {
    expect(nextToPractise([])).toBeNull();
    expect(nextToPractise([{ criterion: 'Correctness', points: [point(1, null)] }])).toBeNull();
  });
});
