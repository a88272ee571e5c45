import { describe, expect, it } from 'vitest';
import { judgeCalls } from './judgeCalls.js';
import { readCallReports } from './readCallReports.js';

const tests = [
  { name: 'a', args: [1], expected: [1, 2] },
  { name: 'b', args: [2], expected: { x: 2 } },
];

describe('judging a server run (P-SRUN-3)', () => {
  it('compares the reported values with jsonEqual, here, and ignores any pass flag', () => {
    const calls = readCallReports(
      '{"i":0,"ms":1.5,"value":[1,2],"pass":false}\n{"i":1,"ms":2,"value":{"x":2.0},"pass":true}\n',
    );
    expect(judgeCalls(tests, calls).map((t) => [t.pass, t.got, t.timeMs])).toEqual([
      [true, [1, 2], 1.5],
      [true, { x: 2 }, 2],
    ]);
    const wrong = readCallReports(
      '{"i":0,"ms":1,"value":[2,1],"pass":true}\n{"i":1,"ms":1,"error":"boom (line 3)"}\n',
    );
    expect(judgeCalls(tests, wrong).map((t) => [t.pass, t.error])).toEqual([
      [false, undefined],
      [false, 'boom (line 3)'],
    ]);
  });

  it('fails every test when the reports do not line up one per test', () => {
    const cases = [
      '',
      '{"i":0,"ms":1,"value":[1,2]}\n',
      '{"i":0,"ms":1,"value":[1,2]}\n{"i":1,"ms":1,"value":{"x":2}}\n{"i":2,"ms":1,"value":1}\n',
      // An index out of order ends the list where it breaks.
      '{"i":1,"ms":1,"value":{"x":2}}\n{"i":0,"ms":1,"value":[1,2]}\n',
      // A line that is not JSON (the program wrote half a line on the descriptor) ends it too.
      '{"i":0,"ms":1,"value":[1,2]}\n{"i":1,"ms"\n{"i":1,"ms":1,"value":{"x":2}}\n',
    ];
    for (const text of cases) {
      const judged = judgeCalls(tests, readCallReports(text));
      expect(
        judged.every((t) => !t.pass),
        text,
      ).toBe(true);
      expect(judged[0]?.error, text).toMatch(/returned \d+ results for 2 tests/);
    }
  });
});
