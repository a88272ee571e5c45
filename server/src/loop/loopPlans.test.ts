import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { questionFits } from '@mockloop/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../common/AppError.js';
import { drawLoopPlan, pickAtRandom } from '../questions/drawLoopPlan.js';
import { loadQuestionBank, type QuestionBank } from '../questions/loadQuestionBank.js';
import { firstRound } from '../rooms/firstRound.js';
import { nextStage, stageFor } from './loopPlans.js';

const bankDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../questions');
let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank(bankDir);
});

const track = () => {
  const found = bank.tracks.find((t) => t.id === 'netflix-mle');
  if (!found) throw new Error('the Netflix track is missing');
  return found;
};

describe('loop plans', () => {
  it('draws a fitting question for every round, none twice, whatever the draw', () => {
    for (let i = 0; i < 200; i++) {
      const plan = drawLoopPlan(track(), bank.questions, pickAtRandom);
      if ('unfilled' in plan) throw new Error(`round ${plan.unfilled} unfilled`);
      const ids = plan.stages.map((s) => s.questionId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const stage of plan.stages) {
        const question = bank.questions.find((q) => q.id === stage.questionId);
        expect(question && questionFits(stage.roundType, question.roundType)).toBe(true);
      }
    }
  });

  it('plays the first unplayed stage of a type; the next stage is the first no round played', () => {
    const plan = drawLoopPlan(track(), bank.questions, pickAtRandom);
    if ('unfilled' in plan) throw new Error('unfilled');
    const played = (...stages: Array<number | null>) => stages.map((planStage) => ({ planStage }));
    expect(nextStage(plan, played(0))).toBe(1);
    expect(stageFor(plan, played(0), 'technical')).toBe(2);
    expect(stageFor(plan, played(0, 2), 'technical')).toBe(4);
    expect(stageFor(plan, played(0, 2, 4), 'technical')).toBeNull();
    expect(stageFor(plan, played(0), 'behavioral')).toBeNull();
    expect(nextStage(plan, played(0, null, 3))).toBe(1);
    expect(nextStage(plan, played(0, 1, 2, 3, 4))).toBeNull();
  });

  it('P-LOOP-3: a room for a loop starts on its first stage; a track without a plan cannot be followed', () => {
    const start = firstRound({ roundType: 'coding', loopTrackId: 'netflix-mle' }, bank);
    expect(start.roundType).toBe('recruiter-screen');
    expect(start.opening).toMatchObject({
      planStage: 0,
      minutes: 30,
      questionId: start.loop?.stages[0]?.questionId,
    });
    const { plan: _plan, ...planless } = track();
    const without: QuestionBank = { ...bank, tracks: [planless] };
    expect(() => firstRound({ roundType: 'coding', loopTrackId: 'netflix-mle' }, without)).toThrow(AppError);
    expect(() => firstRound({ roundType: 'coding', loopTrackId: 'nope' }, bank)).toThrow('no such track');
    // One question: its own type unless the asked type fits it.
    expect(
      firstRound({ roundType: 'recruiter-screen', questionId: 'netflix-mle-radical-candor-feedback' }, bank),
    ).toMatchObject({
      roundType: 'recruiter-screen',
      opening: { questionId: 'netflix-mle-radical-candor-feedback' },
    });
    expect(
      firstRound({ roundType: 'coding', questionId: 'netflix-mle-radical-candor-feedback' }, bank).roundType,
    ).toBe('behavioral');
  });
});
