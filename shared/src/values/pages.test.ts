import { describe, expect, it } from 'vitest';
import { matchPage, PAGES } from './pages.js';

describe('the page table', () => {
  it('matches every page with its params decoded, a trailing slash allowed', () => {
    expect(matchPage('/')).toEqual({ page: 'home', params: {} });
    expect(matchPage('/lobby/')).toEqual({ page: 'lobby', params: {} });
    expect(matchPage('/r/abc')).toEqual({ page: 'room', params: { roomId: 'abc' } });
    expect(matchPage('/r/abc/report')).toEqual({ page: 'report', params: { roomId: 'abc' } });
    expect(matchPage('/r/abc/review')).toEqual({ page: 'review', params: { roomId: 'abc' } });
    expect(matchPage('/tracks/netflix-mle/questions/q%2D1')).toEqual({
      page: 'question',
      params: { trackId: 'netflix-mle', questionId: 'q-1' },
    });
    expect(matchPage('/my-questions')).toEqual({ page: 'myQuestions', params: {} });
    expect(matchPage('/my-questions/new')).toEqual({ page: 'myQuestion', params: { key: 'new' } });
    expect(matchPage('/shared-questions/abc')).toEqual({
      page: 'sharedQuestion',
      params: { shareKey: 'abc' },
    });
    expect(Object.keys(PAGES)).toHaveLength(11);
  });

  it('answers null for anything else, a malformed escape included', () => {
    for (const path of ['/r', '/r/abc/report/x', '/tracks', '/nope', '/r/%E0%A4%A', '/r//report']) {
      expect(matchPage(path), path).toBeNull();
    }
  });
});
