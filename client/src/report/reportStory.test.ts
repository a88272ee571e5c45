import type { RoomReport, Scorecard } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { middleVerdict, overallText, reportStory } from './reportStory';
import { roundReport } from './testing/roundReport';

const card = (recommendation: Scorecard['recommendation']): Scorecard => ({
  round: 1,
  ratings: [],
  recommendation,
  wentWell: '',
  toImprove: '',
  submittedAt: 0,
});

describe('middleVerdict', () => {
  it('takes the middle verdict, the lower middle for an even count, none for none', () => {
    expect(middleVerdict([])).toBeNull();
    expect(middleVerdict(['yes'])).toBe('yes');
    expect(middleVerdict(['strong-yes', 'no', 'yes'])).toBe('yes');
    expect(middleVerdict(['yes', 'no'])).toBe('no');
    expect(middleVerdict(['strong-yes', 'strong-no', 'yes', 'yes'])).toBe('yes');
  });
});

describe('reportStory: what a report opens on', () => {
  const report: RoomReport = {
    roomId: 'r',
    roundType: 'recruiter-screen',
    loop: null,
    viewerId: 'cal',
    rounds: [
      roundReport({
        number: 1,
        roundType: 'recruiter-screen',
        stageLabel: 'Recruiter screen',
        startedAt: 1000,
        endedAt: 2000,
        scorecard: card('yes'),
      }),
      roundReport({
        number: 2,
        startedAt: 3000,
        endedAt: 4000,
        scorecard: card('strong-yes'),
        question: { id: 'q', title: 'Top K', roundLabel: 'Coding', prompt: '' },
      }),
      roundReport({ number: 3, startedAt: 5000, endedAt: null, scorecardWithheld: true }),
      // Seats swapped: Ivy is the candidate here.
      roundReport({
        number: 4,
        startedAt: 6000,
        endedAt: 7000,
        interviewer: { id: 'cal', name: 'Cal' },
        candidate: { id: 'ivy', name: 'Ivy' },
        scorecard: card('no'),
      }),
    ],
  };
  const story = reportStory(report);

  it('says when, who, and every round with its verdict or why there is none', () => {
    expect(story.startedAt).toBe(1000);
    expect(story.endedAt).toBeNull(); // round 3 is still going
    expect(story.people).toEqual(['Ivy', 'Cal']);
    expect(story.rounds.map((r) => [r.number, r.stage, r.title, r.candidate, r.verdict])).toEqual([
      [1, 'Recruiter screen', null, 'Cal', 'Yes'],
      [2, 'Coding', 'Top K', 'Cal', 'Strong yes'],
      [3, 'Coding', null, 'Cal', 'after your self-assessment'],
      [4, 'Coding', null, 'Ivy', 'No'],
    ]);
  });

  it('sums each candidate up on their own rounds', () => {
    expect(story.overall).toEqual([
      { candidate: 'Cal', rounds: 3, scored: 2, overall: 'yes' },
      { candidate: 'Ivy', rounds: 1, scored: 1, overall: 'no' },
    ]);
    expect(overallText(story.overall[0] as never)).toBe(
      'Yes, the middle verdict of 2 scored rounds; 1 not scored yet',
    );
    expect(overallText(story.overall[1] as never)).toBe('No (1 scored round)');
    expect(overallText({ candidate: 'X', rounds: 2, scored: 0, overall: null })).toBe('not scored yet');
  });
});
