import type { JsonValue } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { judgeRun, judgeTests } from './judgeTests';
import type { CallReport } from './sandboxProtocol';
import type { RunTest } from './types';

const tests: RunTest[] = [
  { name: 'three', args: ['abc'], expected: 3 },
  { name: 'list', args: [[1, 2]], expected: [2, 1] },
];
const ok = (json: string): CallReport => ({ json, timeMs: 1 });

describe('judging tests in the page', () => {
  it('passes a test only when the returned value equals the expected one', () => {
    const outcomes = judgeTests(tests, [ok('3'), ok('[1,2]')]);
    expect(outcomes.map((t) => [t.name, t.got, t.pass])).toEqual([
      ['three', 3, true],
      ['list', [1, 2], false],
    ]);
    expect(outcomes[1]).toMatchObject({ args: [[1, 2]], expected: [2, 1] });
  });

  it('P-RUN-3: ignores anything the box says about passing', () => {
    const forged = [
      { json: '[]', timeMs: 0, pass: true, expected: [] },
      { json: '[]', timeMs: 0, pass: true, expected: [] },
    ] as unknown as CallReport[];
    expect(judgeTests(tests, forged).map((t) => t.pass)).toEqual([false, false]);
  });

  it('fails every test when the box reports more, fewer or no results', () => {
    for (const calls of [[ok('3')], [ok('3'), ok('[2,1]'), ok('1')], [], undefined]) {
      const outcomes = judgeTests(tests, calls);
      expect(outcomes.every((t) => !t.pass && t.got === null)).toBe(true);
      expect(outcomes[0]?.error).toBe(`The runner returned ${calls?.length ?? 0} results for 2 tests.`);
    }
  });

  it('fails a call that threw, or whose result is not JSON, too large, or too deep to compare', () => {
    // Deep enough that comparing it with an equally deep expected value exhausts the stack.
    const depth = 200_000;
    let deepExpected: JsonValue = [];
    for (let i = 0; i < depth; i++) deepExpected = [deepExpected];
    const deepJson = `${'['.repeat(depth + 1)}${']'.repeat(depth + 1)}`;
    const outcomes = judgeTests(
      [...tests, { name: 'big', args: [], expected: 0 }, { name: 'deep', args: [], expected: deepExpected }],
      [
        { error: 'RangeError: neg', timeMs: 2 },
        ok('{not json'),
        ok(`"${'x'.repeat(1024 * 1024)}"`),
        ok(deepJson),
      ],
    );
    expect(outcomes.map((t) => t.pass)).toEqual([false, false, false, false]);
    expect(outcomes[0]).toMatchObject({ got: null, error: 'RangeError: neg', timeMs: 2 });
    expect(outcomes[1]?.error).toContain('could not be read as JSON');
    expect(outcomes[2]?.error).toContain('could not be read as JSON');
  });

  it('judges a run: tests only when the code loaded', () => {
    const request = { language: 'javascript' as const, code: '', entry: 'f', tests };
    expect(judgeRun(request, { status: 'error', error: 'SyntaxError' })).toEqual({
      status: 'error',
      error: 'SyntaxError',
    });
    expect(judgeRun(request, { status: 'ok' }).tests?.every((t) => !t.pass)).toBe(true);
    expect(judgeRun({ language: 'python', code: '' }, { status: 'ok', calls: [ok('1')] })).toEqual({
      status: 'ok',
    });
  });
});
