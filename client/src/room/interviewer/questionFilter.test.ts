import type { OwnQuestionSummary, PublicQuestion } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { bankQuestionsShown, ownQuestionsShown, type QuestionFilter } from './questionFilter';

const bank = (id: string, over: Partial<PublicQuestion>): PublicQuestion => ({
  id,
  trackId: 't',
  title: id,
  roundType: 'coding',
  roundLabel: 'Coding',
  difficulty: 'easy',
  tags: [],
  prompt: 'p',
  timeLimitMinutes: 45,
  phases: [],
  ...over,
});
const own = (id: string, over: Partial<OwnQuestionSummary>): OwnQuestionSummary => ({
  key: id,
  id: `my-${id}`,
  title: id,
  roundType: 'coding',
  difficulty: 'easy',
  updatedAt: 0,
  shareKey: null,
  ...over,
});
const all: QuestionFilter = { roundType: 'all', difficulty: 'all', tag: 'all', text: '' };
const ids = (list: { id: string }[]) => list.map((q) => q.id);

describe('bankQuestionsShown', () => {
  const questions = [
    bank('two-sum', { tags: ['arrays'], difficulty: 'easy' }),
    bank('lru', { tags: ['design'], difficulty: 'hard', prompt: 'Build a cache' }),
    bank('conflict', { roundType: 'behavioral', roundLabel: 'Behavioral' }),
  ];
  it('lets every question through with every filter at all', () => {
    expect(ids(bankQuestionsShown(questions, all))).toEqual(['two-sum', 'lru', 'conflict']);
  });
  it('filters by round type, difficulty and tag together', () => {
    expect(ids(bankQuestionsShown(questions, { ...all, roundType: 'coding' }))).toEqual(['two-sum', 'lru']);
    expect(ids(bankQuestionsShown(questions, { ...all, roundType: 'coding', difficulty: 'hard' }))).toEqual([
      'lru',
    ]);
    expect(ids(bankQuestionsShown(questions, { ...all, tag: 'arrays' }))).toEqual(['two-sum']);
  });
  it('searches the title, the prompt and the tags, ignoring case and outer spaces', () => {
    expect(ids(bankQuestionsShown(questions, { ...all, text: '  CACHE ' }))).toEqual(['lru']);
    expect(ids(bankQuestionsShown(questions, { ...all, text: 'design' }))).toEqual(['lru']);
  });
});

describe('ownQuestionsShown', () => {
  const mine = [own('graphs', { difficulty: 'medium' }), own('story', { roundType: 'behavioral' })];
  it('ignores the tag filter (summaries carry none) and searches titles', () => {
    expect(ids(ownQuestionsShown(mine, { ...all, tag: 'arrays' }))).toEqual(['my-graphs', 'my-story']);
    expect(ids(ownQuestionsShown(mine, { ...all, text: 'Graph' }))).toEqual(['my-graphs']);
  });
  it('filters by round type and difficulty', () => {
    expect(ids(ownQuestionsShown(mine, { ...all, roundType: 'behavioral' }))).toEqual(['my-story']);
    expect(ids(ownQuestionsShown(mine, { ...all, difficulty: 'medium' }))).toEqual(['my-graphs']);
  });
});
