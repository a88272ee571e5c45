import { SERVER_LANGUAGES, type ServerLanguage } from '@mockloop/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeCalls } from '../src/execution/judgeCalls.js';
import { entryFor } from '../src/execution/RunService.js';
import { SandboxExecutor } from '../src/execution/SandboxExecutor.js';
import { loadQuestionBank } from '../src/questions/loadQuestionBank.js';
import { RUNNER_READY_MS } from './support/serverRunRoom.js';
import { REPO_QUESTIONS } from './support/testServer.js';

const bank = await loadQuestionBank(REPO_QUESTIONS);
const coding = bank.questions.filter((q) => q.coding);
let executor: SandboxExecutor;

beforeAll(async () => {
  executor = await SandboxExecutor.start();
}, RUNNER_READY_MS);

/** The starter a room on this language gets (Python + numpy: Python's, numpy imported). */
function starter(q: (typeof coding)[number], language: ServerLanguage): string | undefined {
  const code = q.coding?.starterCode;
  return language === 'python-numpy' ? `import numpy as np\n\n${code?.python}` : code?.[language];
}

describe.each(coding.map((q) => [q.id, q] as const))('%s', (_id, question) => {
  it.each(SERVER_LANGUAGES.map((l) => [l]))(
    'P-SRUN-3: the generated %s starter compiles and the harness calls it on every test',
    async (language) => {
      const code = starter(question, language);
      expect(code, 'a starter for every server language (typed signature)').toBeDefined();
      const tests = question.tests ?? [];
      const outcome = await executor.execute({
        id: `starter-${question.id}-${language}`,
        language,
        code: code as string,
        entry: entryFor(question, language),
        calls: tests.map((t) => t.args),
        timeLimitMs: 20_000,
      });
      expect(outcome.status, `${outcome.error}\n${outcome.output}`).toBe('ok');
      expect(outcome.calls).toHaveLength(tests.length);
    },
    120_000,
  );
});

describe.each(coding.filter((q) => q.coding?.needsNumpy).map((q) => [q.id, q] as const))(
  '%s',
  (_id, question) => {
    it('P-SRUN-3: its numpy reference solution passes every test in the Python + numpy sandbox', async () => {
      const tests = question.tests ?? [];
      const outcome = await executor.execute({
        id: `numpy-${question.id}`,
        language: 'python-numpy',
        code: question.solutionSources?.python ?? '',
        entry: entryFor(question, 'python-numpy'),
        calls: tests.map((t) => t.args),
        timeLimitMs: 20_000,
      });
      expect(outcome.status, `${outcome.error}\n${outcome.output}`).toBe('ok');
      const judged = judgeCalls(tests, outcome.calls ?? []);
      expect(
        judged.filter((t) => !t.pass).map((t) => `${t.name}: ${JSON.stringify(t.got)} ${t.error ?? ''}`),
      ).toEqual([]);
    }, 120_000);
  },
);
