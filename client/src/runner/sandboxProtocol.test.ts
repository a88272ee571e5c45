import { describe, expect, it } from 'vitest';
import { readBoxMessage } from './sandboxProtocol';

describe('reading what the sandbox sends', () => {
  it('drops anything not in a known shape', () => {
    for (const data of [
      null,
      'done',
      [],
      { type: 'started' },
      { type: 'output', text: 42 },
      { type: 'progress' },
      { type: 'done', status: 'passed' },
      { type: 'done', status: 'ok', calls: 'all' },
      { type: 'done', status: 'ok', calls: [{ timeMs: 1 }] },
      { type: 'done', status: 'ok', calls: Array(10_001).fill({ json: '1' }) },
    ]) {
      expect(readBoxMessage(data), JSON.stringify(data)?.slice(0, 60)).toBeNull();
    }
  });

  it('keeps only the fields it knows, with strings bounded and times sane', () => {
    expect(
      readBoxMessage({
        type: 'done',
        status: 'ok',
        pass: true,
        tests: [{ pass: true }],
        calls: [
          { json: '3', pass: true, expected: 3, timeMs: -5 },
          { error: 'x'.repeat(50_000), timeMs: Number.NaN },
        ],
      }),
    ).toEqual({
      type: 'done',
      status: 'ok',
      calls: [
        { json: '3', timeMs: 0 },
        { error: 'x'.repeat(20_000), timeMs: 0 },
      ],
    });
    expect(readBoxMessage({ type: 'progress', stage: 'y'.repeat(500) })).toEqual({
      type: 'progress',
      stage: 'y'.repeat(200),
    });
    // Download progress is kept only when it makes sense: whole counts, at most the total.
    expect(readBoxMessage({ type: 'progress', stage: 'p', loaded: 3, total: 10 })).toEqual({
      type: 'progress',
      stage: 'p',
      loaded: 3,
      total: 10,
    });
    for (const [loaded, total] of [
      [11, 10],
      [-1, 10],
      [1.5, 10],
      [0, 0],
      ['3', 10],
    ]) {
      expect(readBoxMessage({ type: 'progress', stage: 'p', loaded, total })).toEqual({
        type: 'progress',
        stage: 'p',
      });
    }
    expect(readBoxMessage({ type: 'crashed' })).toEqual({ type: 'crashed', error: 'The runner stopped.' });
  });
});
