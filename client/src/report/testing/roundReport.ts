import type { RoundReport } from '@mockloop/shared';

/**
 * A report round for unit tests: an ended coding round with nothing revealed, scored or run;
 * a test overrides what it is about.
 */
export function roundReport(overrides: Partial<RoundReport> = {}): RoundReport {
  return {
    number: 1,
    roundType: 'coding',
    stageLabel: null,
    question: null,
    interviewer: { id: 'ivy', name: 'Ivy' },
    candidate: { id: 'cal', name: 'Cal' },
    startedAt: 0,
    revealedAt: 0,
    endedAt: 1,
    timeUsedMs: 1,
    hints: [],
    code: { language: 'python', text: '', truncated: false },
    sharedNotes: { text: '', truncated: false },
    runs: [],
    criteria: [],
    scorecard: null,
    scorecardWithheld: false,
    selfAssessment: null,
    ...overrides,
  };
}
