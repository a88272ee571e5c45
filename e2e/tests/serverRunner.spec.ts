import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { ivyAndCal } from '../support/room.js';

const solutions = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../server/test/fixtures/solutions/top-k-trending',
);
const solution = (file: string) => fs.readFileSync(path.join(solutions, file), 'utf8');

/** Replaces the editor's content with `code`, as one paste (no auto-indent or bracket closing). */
async function setCode(page: Page, code: string) {
  await page.getByLabel('Code editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function setup(person: () => Promise<Page>, language: string) {
  const { ivy, cal, panel } = await ivyAndCal(person);
  await cal.getByLabel('Language').selectOption({ label: language });
  await panel.getByRole('button', { name: 'Pick Top K trending movies in the last hour' }).click();
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(cal.getByRole('heading', { name: 'Top K trending movies in the last hour' })).toBeVisible();
  return { ivy, cal };
}

const latestRun = (page: Page) => page.getByRole('region', { name: 'Output' }).locator('.run').first();

/** Right, wrong, then the interviewer's hidden tests, in one server language. */
async function rightWrongHidden(ivy: Page, cal: Page, language: string, right: string, wrong: string) {
  await setCode(cal, right);
  await cal.getByRole('button', { name: 'Run tests' }).click();
  await expect(latestRun(cal)).toContainText('3/3 tests passed', { timeout: 60_000 });
  await expect(latestRun(cal)).toContainText(`Cal ran the tests in ${language} on the server`);
  await expect(latestRun(ivy)).toContainText('3/3 tests passed');
  await expect(latestRun(ivy).getByRole('row')).toHaveCount(4);

  await ivy.getByRole('button', { name: 'Run hidden tests' }).click();
  await expect(latestRun(ivy)).toContainText('9/9 hidden tests passed', { timeout: 60_000 });
  await expect(latestRun(cal)).toContainText('9/9 hidden tests passed');
  await expect(latestRun(cal).getByRole('table')).toHaveCount(0);

  await setCode(cal, wrong);
  await cal.getByRole('button', { name: 'Run tests' }).click();
  await expect(latestRun(cal)).toContainText('0/3 tests passed', { timeout: 60_000 });
  const failing = latestRun(cal).getByRole('row', { name: /counts in the last hour/ });
  await expect(failing).toContainText('[[1,2]]');
  await expect(failing).toContainText('fail');
  await ivy.getByRole('button', { name: 'Run hidden tests' }).click();
  await expect(latestRun(cal)).toContainText(/[0-8]\/9 hidden tests passed/, { timeout: 60_000 });
}

test('Java runs on the server: right and wrong answers, hidden tests, and a compile error that points at its line', async ({
  person,
}) => {
  const { ivy, cal } = await setup(person, 'Java');
  // The generated Java starter is in the editor.
  await expect(cal.getByLabel('Code editor')).toContainText(
    'public List<List<Integer>> topKTrending(int[][] watches',
  );
  await rightWrongHidden(
    ivy,
    cal,
    'Java',
    solution('Solution.java'),
    'import java.util.*;\n\nclass Solution {\n    public List<List<Integer>> topKTrending(int[][] watches, int[] queries, int k) {\n        List<List<Integer>> out = new ArrayList<>();\n        for (int q : queries) out.add(new ArrayList<>());\n        return out;\n    }\n}\n',
  );

  await setCode(cal, 'class Solution {\n    int twice(int x) {\n        return x * 2\n    }\n}\n');
  await cal.getByRole('button', { name: 'Run code' }).click();
  await expect(latestRun(cal)).toContainText("line 3: error: ';' expected", { timeout: 60_000 });
  await expect(latestRun(cal)).toContainText(/compiled in [\d.]+ (ms|s)/);
  await expect(latestRun(ivy)).toContainText("line 3: error: ';' expected");
  await latestRun(cal).getByRole('button', { name: 'Go to line 3' }).click();
  await expect(cal.locator('.cm-activeLine')).toHaveText('        return x * 2');
});

test('Go and Python + numpy run on the server too', async ({ person }) => {
  const { ivy, cal } = await setup(person, 'Go');
  await rightWrongHidden(
    ivy,
    cal,
    'Go',
    solution('solution.go'),
    'package main\n\nfunc topKTrending(watches [][2]int, queries []int, k int) [][]int {\n\tout := [][]int{}\n\tfor range queries {\n\t\tout = append(out, []int{})\n\t}\n\treturn out\n}\n',
  );
  await cal.getByLabel('Language').selectOption({ label: 'Python + numpy' });
  await rightWrongHidden(
    ivy,
    cal,
    'Python + numpy',
    solution('solution_numpy.py'),
    'import numpy as np\n\n\ndef top_k_trending(watches, queries, k):\n    return [np.array([], dtype=np.int64) for _ in queries]\n',
  );
  // Output streams and is shared like a browser run's.
  await setCode(cal, 'import numpy as np\nprint(np.arange(3).sum())\n');
  await cal.getByRole('button', { name: 'Run code' }).click();
  await expect(latestRun(ivy).locator('.run-output')).toHaveText('3', { timeout: 60_000 });
});
