import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { ivyAndCal } from '../support/room.js';

const questionDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../questions/netflix-mle/04-top-k-trending',
);
const reference = (file: string) => fs.readFileSync(path.join(questionDir, file), 'utf8');

/** Replaces the editor's content with `code`, as one paste (no auto-indent or bracket closing). */
async function setCode(page: Page, code: string) {
  await page.getByLabel('Code editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function setup(person: () => Promise<Page>) {
  const { ivy, cal, panel } = await ivyAndCal(person);
  await panel.getByRole('button', { name: 'Pick Top K trending movies in the last hour' }).click();
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(cal.getByRole('heading', { name: 'Top K trending movies in the last hour' })).toBeVisible();
  return { ivy, cal };
}

/** A run that loads Python first: seconds here, tens of seconds on a busy 2-core machine. */
const PYTHON_START = { timeout: 90_000 };

const latestRun = (page: Page) => page.getByRole('region', { name: 'Output' }).locator('.run').first();

test('Python and TypeScript reference solutions pass every public test; a wrong one shows the failing case', async ({
  person,
}) => {
  test.setTimeout(240_000); // two Python starts, each up to PYTHON_START
  const { ivy, cal } = await setup(person);

  // Python (the room starts on Python): the table of results.
  await setCode(cal, reference('solution.py'));
  await cal.getByRole('button', { name: 'Run tests' }).click();
  await expect(latestRun(cal)).toContainText('3/3 tests passed', PYTHON_START);
  await expect(latestRun(ivy)).toContainText('Cal ran the tests in Python');
  await expect(latestRun(ivy)).toContainText('3/3 tests passed');
  await expect(latestRun(ivy).getByRole('row')).toHaveCount(4);

  // A wrong answer: the failing case shows what was expected and what came back.
  await setCode(cal, 'def top_k_trending(watches, queries, k):\n    return [[] for _ in queries]\n');
  await cal.getByRole('button', { name: 'Run tests' }).click();
  // Each run gets a fresh sandbox: this one may wait for the spare to load Python, a cold start.
  await expect(latestRun(cal)).toContainText('0/3 tests passed', PYTHON_START);
  const failing = latestRun(cal).getByRole('row', { name: /counts in the last hour/ });
  await expect(failing).toContainText('[[1,2]]');
  await expect(failing).toContainText('[[]]');
  await expect(failing).toContainText('fail');

  // TypeScript, transpiled in the browser.
  await cal.getByLabel('Language').selectOption('typescript');
  await setCode(cal, reference('solution.ts'));
  await cal.getByRole('button', { name: 'Run tests' }).click();
  await expect(latestRun(cal)).toContainText('Cal ran the tests in TypeScript');
  await expect(latestRun(cal)).toContainText('3/3 tests passed');
  await expect(latestRun(ivy)).toContainText('3/3 tests passed');

  // The interviewer can run the hidden tests too; the room sees only the count.
  await ivy.getByRole('button', { name: 'Run hidden tests' }).click();
  await expect(latestRun(ivy)).toContainText('9/9 hidden tests passed');
  await expect(latestRun(cal)).toContainText('9/9 hidden tests passed');
  await expect(latestRun(cal).getByRole('table')).toHaveCount(0);

  // Output survives a refresh.
  await cal.reload();
  await expect(latestRun(cal)).toContainText('9/9 hidden tests passed');
});

test('P-RUN-1: Python twice back to back: the second run starts at once in a box that kept nothing of the first', async ({
  person,
}) => {
  const { ivy, cal } = await setup(person);
  // The first run leaves what it can behind: a global, a builtin, a module, a file, a draw.
  await setCode(
    cal,
    [
      'import builtins, random, sys',
      'secret = "first run"',
      'builtins.planted = secret',
      'sys.modules["planted_module"] = sys',
      'open("/tmp/planted.txt", "w").write(secret)',
      'print("first", random.random())',
      '',
    ].join('\n'),
  );
  await cal.getByRole('button', { name: 'Run code' }).click();
  await expect(latestRun(cal)).toContainText('finished', { timeout: 60_000 });
  const first = (await latestRun(cal).locator('.run-output').textContent()) ?? '';
  expect(first).toMatch(/^first 0\.\d+/);

  // Straight after, as Run code then Run tests: a fresh box, from the same start-up snapshot.
  await setCode(
    cal,
    [
      'import builtins, os, random, sys',
      'print("second", "secret" in globals(), hasattr(builtins, "planted"), "planted_module" in sys.modules, os.path.exists("/tmp/planted.txt"))',
      'print("draw", random.random())',
      '',
    ].join('\n'),
  );
  await cal.getByRole('button', { name: 'Run code' }).click();
  const output = latestRun(cal).locator('.run-output');
  await expect(output).toContainText('second False False False False');
  // Each box seeds random on its own: the same snapshot does not give the same numbers.
  const second = (await output.textContent()) ?? '';
  expect(/draw (0\.\d+)/.exec(second)?.[1]).not.toBe(/first (0\.\d+)/.exec(first)?.[1]);
  await expect(latestRun(ivy)).toContainText('second False False False False');
});

test('an infinite loop is stopped at the time limit and the page stays usable', async ({ person }) => {
  const { ivy, cal } = await setup(person);
  await cal.getByLabel('Language').selectOption('javascript');
  await setCode(cal, 'console.log("before");\nwhile (true) {}\n');
  await cal.getByRole('button', { name: 'Run code' }).click();
  // While it runs, the output says so (a run that ends in milliseconds may never show it: this
  // one runs until the limit).
  await expect(cal.getByRole('region', { name: 'Output' }).getByRole('status')).toBeVisible();
  // Stopped by the limit, and said so in both pages (how long the stop takes is bench:runner's).
  await expect(latestRun(cal)).toContainText('stopped: time limit', { timeout: 30_000 });
  await expect(latestRun(cal)).toContainText('Stopped after 5 s: the time limit.');
  await expect(latestRun(ivy)).toContainText('stopped: time limit');
  // The page kept responding during the loop, and the next run works.
  await setCode(cal, 'console.log(6 * 7);\n');
  await cal.getByRole('button', { name: 'Run code' }).click();
  for (const page of [cal, ivy]) {
    await expect(latestRun(page)).toContainText('finished');
    await expect(latestRun(page).locator('.run-output')).toHaveText('42');
  }
});
