import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { questionFits } from '@mockloop/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickFirst } from '../questions/drawLoopPlan.js';
import { loadQuestionBank, type QuestionBank } from '../questions/loadQuestionBank.js';
import { lobbyRound } from './lobbyRound.js';

const bankDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../questions');
let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank(bankDir);
});

describe('a lobby match begins in its track (P-LOBBY-4)', () => {
  it('P-LOBBY-4: follows the track loop plan, starting at its first stage of the matched round type', () => {
    const start = lobbyRound(bank, 'netflix-mle', 'system-design', pickFirst);
    expect(start.loop?.trackId).toBe('netflix-mle');
    const stage = start.loop?.stages[start.opening.planStage ?? -1];
    expect(stage?.roundType).toBe('system-design');
    expect(start.opening.minutes).toBe(stage?.minutes);
    const question = bank.questions.find((q) => q.id === start.opening.questionId);
    expect(question && questionFits('system-design', question.roundType)).toBe(true);
    // The ML domain stage is the first technical one: the deep dive comes after it.
    const technical = lobbyRound(bank, 'netflix-mle', 'technical', pickFirst);
    expect(technical.loop?.stages[technical.opening.planStage ?? -1]?.label).toBe('ML domain');
  });

  it('P-LOBBY-4: a round type the plan does not play, or a track without one, is a plain room', () => {
    expect(lobbyRound(bank, 'netflix-mle', 'behavioral', pickFirst)).toEqual({
      roundType: 'behavioral',
      opening: {},
      loop: null,
    });
    expect(lobbyRound(bank, 'no-such-track', 'coding', pickFirst).loop).toBeNull();
  });

  it('P-SEEN-2: a match draws questions the pair has not seen first', () => {
    const first = lobbyRound(bank, 'netflix-mle', 'system-design', pickFirst);
    const seen = new Set([first.opening.questionId ?? '']);
    const other = lobbyRound(bank, 'netflix-mle', 'system-design', pickFirst, seen);
    expect(other.opening.questionId).toBeDefined();
    expect(other.opening.questionId).not.toBe(first.opening.questionId);
  });
});
