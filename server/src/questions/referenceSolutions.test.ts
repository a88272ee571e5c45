import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type JsonValue, jsonEqual, type Question } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from './loadQuestionBank.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bankDir = path.resolve(here, '../../../questions');
const harness = path.join(here, 'referenceHarness.py');
const NUMPY_PYTHON = '/usr/bin/python3';

interface Case {
  name: string;
  args: JsonValue[];
  expected: JsonValue;
}

/** Every test case plus the examples shown to the candidate, which must be right too. */
function casesOf(q: Question): Case[] {
  const examples = (q.coding?.examples ?? []).map((e, i) => ({ name: `example ${i + 1}`, ...e }));
  return [...examples, ...(q.tests ?? [])];
}

function solutionPath(q: Question, language: 'python' | 'typescript'): string {
  const file = q.interviewer.solution?.files[language];
  if (!file) throw new Error(`${q.id} has no ${language} solution`);
  return path.join(path.dirname(q.sourceFile), file);
}

const bank = await loadQuestionBank(bankDir);
const coding = bank.questions.filter((q) => q.roundType === 'coding');

describe('reference solutions', () => {
  it('the bank has coding questions to check', () => {
    expect(coding.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(coding.map((q) => [q.id, q] as const))('%s', (_id, q) => {
    // A Python process per question, its larger cases included: about 1-2 s on a busy 2-core
    // machine, so a budget well past the 5 s default.
    it('the Python solution passes every case', { timeout: 30_000 }, () => {
      const cases = casesOf(q);
      // A question made for "Python + numpy" has a numpy solution: it runs under Debian's python3,
      // which has python3-numpy (npm run runner:setup), as the server's sandbox does.
      const python = q.coding?.needsNumpy ? NUMPY_PYTHON : 'python3';
      const run = spawnSync(python, [harness], {
        input: JSON.stringify({
          file: solutionPath(q, 'python'),
          entry: q.coding?.entry.python,
          cases: cases.map((c) => c.args),
        }),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(run.status, run.stderr).toBe(0);
      const results = JSON.parse(run.stdout) as Array<{ ok: boolean; result?: JsonValue; error?: string }>;
      expect(results).toHaveLength(cases.length);
      const failures = cases.flatMap((c, i) => {
        const r = results[i];
        if (r?.ok && jsonEqual(r.result as JsonValue, c.expected)) return [];
        return [`${c.name}: ${r?.ok ? `got ${JSON.stringify(r.result)}` : r?.error}`];
      });
      expect(failures).toEqual([]);
    });

    it('the TypeScript solution passes every case', { timeout: 30_000 }, async () => {
      const module = (await import(pathToFileURL(solutionPath(q, 'typescript')).href)) as Record<
        string,
        unknown
      >;
      const entry = module[q.coding?.entry.typescript ?? ''];
      expect(typeof entry).toBe('function');
      const failures = casesOf(q).flatMap((c) => {
        // Clone so a solution that mutates its input cannot corrupt the next case.
        const result = JSON.parse(
          JSON.stringify((entry as (...a: JsonValue[]) => unknown)(...structuredClone(c.args))),
        );
        return jsonEqual(result, c.expected) ? [] : [`${c.name}: got ${JSON.stringify(result)}`];
      });
      expect(failures).toEqual([]);
    });
  });
});
