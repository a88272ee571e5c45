import { CODE_DOC } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reportRuns } from './reportRuns.js';

describe('reportRuns', () => {
  it('keeps checked fields of well-formed runs, counts tests, and drops what a hostile peer wrote', () => {
    const doc = new Y.Doc();
    doc.getArray(CODE_DOC.runs).push([
      {
        at: 20,
        by: { name: 'Cal' },
        kind: 'tests',
        status: 'ok',
        tests: [{ pass: true }, { pass: false }, {}],
      },
      {
        at: 10,
        by: { name: 'Ivy'.repeat(30) },
        kind: 'hidden-tests',
        status: 'ok',
        summary: { passed: 4, total: 5 },
      },
      { at: 30, by: { name: 'Eve' }, kind: 'tests', status: 'ok', summary: { passed: 9, total: 5 } },
      { at: 40, by: { name: 'Eve' }, kind: 'exploit', status: 'ok' },
      { at: 'soon', by: { name: 'Eve' }, kind: 'run', status: 'ok' },
      { at: 50, kind: 'run', status: 'ok' },
      'not a run',
      { at: 60, by: { name: 'Eve' }, kind: 'run', status: 'pwned' },
    ]);
    expect(reportRuns(doc)).toEqual([
      { at: 10, by: 'Ivy'.repeat(30).slice(0, 40), kind: 'hidden-tests', status: 'ok', passed: 4, total: 5 },
      { at: 20, by: 'Cal', kind: 'tests', status: 'ok', passed: 1, total: 3 },
      // A summary that does not add up is left out; the run stays.
      { at: 30, by: 'Eve', kind: 'tests', status: 'ok' },
    ]);
  });
});
