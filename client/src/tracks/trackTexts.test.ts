import { describe, expect, it } from 'vitest';
import { loopStageText, planRoundText } from './trackTexts';

describe('planRoundText', () => {
  it('uses the round its own label and minutes when the plan gives them', () => {
    expect(planRoundText({ roundType: 'coding', label: 'Pairing', minutes: 50 })).toBe('Pairing · 50 min');
  });
  it("falls back to the round type's label and default minutes", () => {
    expect(planRoundText({ roundType: 'coding' })).toMatch(/^Coding · \d+ min$/);
  });
});

describe('loopStageText', () => {
  const stage = { name: 'Onsite', focus: 'Everything' };
  it('names one count of rounds once and a range with a dash', () => {
    expect(loopStageText({ ...stage, rounds: { min: 3, max: 3 } })).toBe('3 rounds');
    expect(loopStageText({ ...stage, minutes: 45, rounds: { min: 2, max: 4 } })).toBe('45 min2-4 rounds');
  });
  it('says nothing the track does not say', () => {
    expect(loopStageText(stage)).toBe('');
    expect(loopStageText({ ...stage, minutes: 30 })).toBe('30 min');
  });
});
