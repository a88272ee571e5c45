import { CODE_DOC } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCustomTest,
  customRunTests,
  MAX_CUSTOM_TESTS,
  parseCustomTest,
  readCustomTests,
  removeCustomTest,
} from './customTests';

const meta = { id: 't1', by: 'Cal' };

describe('custom test cases (P-RUN-4)', () => {
  it('P-RUN-4: parses what a person typed, and says plainly what is wrong', () => {
    expect(parseCustomTest('[["a", "b"], []]', 'true', meta)).toEqual({
      ...meta,
      args: [['a', 'b'], []],
      expected: true,
    });
    expect(parseCustomTest('["a", ', 'true', meta)).toMatch(/not JSON/);
    expect(parseCustomTest('{"a": 1}', 'true', meta)).toMatch(/as a JSON list/);
    expect(parseCustomTest('[1]', 'yes', meta)).toMatch(/expected value is not JSON/);
    expect(parseCustomTest(`["${'x'.repeat(5000)}"]`, '1', meta)).toMatch(/at most/);
  });

  it('P-RUN-4: reads the shared list field by field, leaving out what a hostile peer wrote', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<unknown>(CODE_DOC.customTests);
    list.push([
      { id: 'ok', by: 'Cal', args: [1, 2], expected: 3 },
      { id: 'no-args', by: 'Cal', expected: 3 },
      { id: 'args-not-list', by: 'Cal', args: { a: 1 }, expected: 3 },
      'a string',
      { id: 7, by: 'Cal', args: [], expected: null },
      { id: 'huge', by: 'Cal', args: ['x'.repeat(5000)], expected: 1 },
      { id: 'long-name', by: 'C'.repeat(100), args: [], expected: [] },
    ]);
    const tests = readCustomTests(doc);
    expect(tests.map((t) => t.id)).toEqual(['ok', 'long-name']);
    expect(tests[1]?.by).toHaveLength(40);
  });

  it('P-RUN-4: adds for the room up to the cap, removes by id, and names them apart from the question tests', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < MAX_CUSTOM_TESTS; i++) {
      expect(addCustomTest(doc, { id: `t${i}`, by: 'Cal', args: [i], expected: i })).toBe(true);
    }
    expect(addCustomTest(doc, { id: 'one-too-many', by: 'Cal', args: [], expected: 0 })).toBe(false);
    removeCustomTest(doc, 't0');
    const tests = readCustomTests(doc);
    expect(tests).toHaveLength(MAX_CUSTOM_TESTS - 1);
    expect(customRunTests(tests.slice(0, 1))).toEqual([{ name: 'Added 1 (Cal)', args: [1], expected: 1 }]);
  });
});
