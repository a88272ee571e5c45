import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { violations } from '../support/axe.js';
import { captureTraffic } from '../support/capture.js';
import { expect, test } from '../support/fixtures.js';
import { createRoomFromHome, joinFromInvite, rateAll } from '../support/room.js';

const TITLE = 'Sum of a list';
/** Planted in the question's private parts: never on the candidate's page. */
const PRIVATE = 'PRIVATE_OWN_Q_5c1a';

/** Fills the question form with a small coding question, one field at a time as a person would. */
async function writeQuestion(page: Page) {
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await field('Title').fill(TITLE);
  await field('Round type').selectOption({ label: 'Coding' });
  await field('Difficulty').selectOption('easy');
  await field('Tags').fill('arrays');
  await field('Minutes').fill('20');
  await field('Prompt').fill('Return the sum of `values`.');
  await field('Notes').fill(`A loop or a fold. ${PRIVATE}`);
  await field('Hints').fill(`Start from zero.\nAdd each value. ${PRIVATE}\nReturn the total.`);
  await field('Follow-ups').fill('What if the list is huge?');
  await field('Red flags').fill('Mutates the input.');
  for (const n of [1, 2, 3]) {
    await field(`Criterion ${n} name`).fill(`Skill ${n}`);
    await field(`Criterion ${n} measures`).fill(`How well, part ${n}`);
    for (const anchor of ['1 (weak)', '2', '3', '4 (excellent)']) {
      await field(`Criterion ${n} score ${anchor}`).fill(`Level ${anchor} ${PRIVATE}`);
    }
  }
  await field('Function name in Python').fill('sum_list');
  await field('Function name in JavaScript and TypeScript').fill('sumList');
  await field('Signature in Python').fill('def sum_list(values: list[int]) -> int');
  await field('Signature in JavaScript').fill('function sumList(values)');
  await field('Signature in TypeScript').fill('function sumList(values: number[]): number');
  await field('Parameter 1 name').fill('values');
  await field('Parameter 1 type').fill('list of integers');
  await field('Parameter 1 value type').fill('list<int>');
  await field('Parameter 1 description').fill('The numbers.');
  await field('Return type').fill('integer');
  await field('Return value type').fill('int');
  await field('Return description').fill('Their sum.');
  await field('Constraints').fill('0 <= len(values) <= 1000');
  await field('Starter code in Python').fill('def sum_list(values):\n    return 0\n');
  await field('Starter code in JavaScript').fill('function sumList(values) {\n  return 0;\n}\n');
  await field('Starter code in TypeScript').fill(
    'function sumList(values: number[]): number {\n  return 0;\n}\n',
  );
  await field('Test 1 name').fill('two numbers');
  await field('Test 1 arguments').fill('[[1, 2]]');
  await field('Test 1 expected').fill('3');
  await field('Test 2 name').fill(`hidden big ${PRIVATE}`);
  await field('Test 2 arguments').fill('[[40, 2]]');
  await field('Test 2 expected').fill('42');
  await page.getByRole('button', { name: 'Add a public test' }).click();
  await field('Test 3 name').fill('empty');
  await field('Test 3 arguments').fill('[[]]');
  await field('Test 3 expected').fill('0');
  await page.getByRole('button', { name: 'Add a hidden test' }).click();
  await field('Test 4 name').fill('negative');
  await field('Test 4 arguments').fill('[[-1, -2]]');
  await field('Test 4 expected').fill('-3');
}

const latestRun = (page: Page) => page.getByRole('region', { name: 'Output' }).locator('.run').first();

/** This browser's questions as the API gives them (with its author secret), without their keys. */
async function bodies(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const auth = { authorization: `Bearer ${localStorage.getItem('mockloop:author')}` };
    const list = await (await fetch('/api/my-questions', { headers: auth })).json();
    return Promise.all(
      list.questions.map(async (q: { key: string }) => {
        const entry = await (await fetch(`/api/my-questions/${q.key}`, { headers: auth })).json();
        return entry.question;
      }),
    );
  });
}

test('P-MYQ-6: an interviewer writes a coding question in the room, plays it with a candidate, scores it, finds it again, and exports and imports it', async ({
  person,
}) => {
  // A whole question typed field by field, a round played and scored, then a second person: longer
  // than one room's test.
  test.setTimeout(240_000);
  const ivy = await person();
  const cal = await person();
  // Every byte the candidate's browser receives, checked for the question's private parts.
  const calTraffic = captureTraffic(cal);
  const ivyTraffic = captureTraffic(ivy);
  const roomUrl = await createRoomFromHome(ivy, 'Ivy');
  const panel = ivy.getByRole('region', { name: 'Interviewer panel' });
  await panel.getByRole('tab', { name: 'Question bank' }).click();

  // The question browser opens the form in a new tab; a first save names each field at fault.
  const [editor] = await Promise.all([
    ivy.context().waitForEvent('page'),
    panel.getByRole('link', { name: 'Write a question' }).click(),
  ]);
  await expect(editor.getByRole('heading', { name: 'Write a question' })).toBeVisible();
  await editor.getByLabel('Title', { exact: true }).fill('Uses <b>markup</b>');
  await editor.getByRole('button', { name: 'Save question' }).click();
  await expect(editor.getByRole('alert')).toContainText('title: holds HTML markup');
  await expect(editor.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await writeQuestion(editor);
  expect(await violations(editor, 'question form')).toEqual([]);
  await editor.getByRole('button', { name: 'Save question' }).click();
  await editor.waitForURL(/\/my-questions$/);
  await expect(editor.getByRole('list', { name: 'My questions' })).toContainText(TITLE);
  expect(await violations(editor, 'my questions')).toEqual([]);
  await editor.close();

  // Back in the room: the question is listed next to the bank; the candidate sees none of it yet.
  await joinFromInvite(cal, roomUrl, 'Cal');
  await ivy.getByLabel('Language').selectOption('javascript');
  await panel.getByRole('button', { name: 'Refresh my questions' }).click();
  await panel
    .getByRole('list', { name: 'My questions' })
    .getByRole('button', { name: `Pick ${TITLE}` })
    .click();
  await expect(panel.locator('.question-title')).toHaveText(TITLE);
  await expect(cal.getByRole('heading', { name: TITLE })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Reveal question', exact: true }).click();
  await expect(cal.getByRole('heading', { name: TITLE })).toBeVisible();

  // The candidate runs its public tests, the interviewer its hidden ones.
  await cal.getByLabel('Code editor').click();
  await cal.keyboard.press('Control+A');
  await cal.keyboard.press('Delete');
  await cal.keyboard.insertText(
    'function sumList(values) {\n  return values.reduce((a, b) => a + b, 0);\n}\n',
  );
  await cal.getByRole('button', { name: 'Run tests' }).click();
  await expect(latestRun(cal)).toContainText('2/2 tests passed', { timeout: 60_000 });
  await ivy.getByRole('button', { name: 'Run hidden tests' }).click();
  await expect(latestRun(ivy)).toContainText('2/2 hidden tests passed', { timeout: 60_000 });
  expect(await cal.content()).not.toContain(PRIVATE);

  // Scored on its own rubric.
  await ivy.getByRole('button', { name: 'End interview' }).click();
  await ivy.getByRole('button', { name: 'End now' }).click();
  const scorecard = ivy.getByRole('form', { name: 'Scorecard' });
  await rateAll(scorecard, '3');
  await expect(scorecard).toContainText('Skill 1');
  await scorecard.getByLabel('Overall recommendation').selectOption({ label: 'Yes' });
  await scorecard.getByLabel('What went well').fill('Clear and tested');
  await scorecard.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(ivy.getByText('Thanks, your feedback is in.')).toBeVisible();
  expect(await cal.content()).not.toContain(PRIVATE);
  const calReceived = await calTraffic.text();
  expect(calReceived).toContain('two numbers'); // the public test did arrive
  expect(calReceived).not.toContain(PRIVATE);
  // The capture sees the private parts where they belong: in the interviewer's brief.
  expect(await ivyTraffic.text()).toContain(PRIVATE);

  // Next time: it is in My questions; exported, then imported by another interviewer, it is the same.
  await ivy.goto('/');
  await ivy.getByRole('link', { name: 'My questions' }).click();
  await expect(ivy.getByRole('list', { name: 'My questions' })).toContainText(TITLE);
  const [download] = await Promise.all([
    ivy.waitForEvent('download'),
    ivy.getByRole('button', { name: `Export ${TITLE}` }).click(),
  ]);
  const yaml = fs.readFileSync((await download.path()) ?? '', 'utf8');
  expect(yaml).toContain(`title: ${TITLE}`);

  const bea = await person();
  await bea.goto('/my-questions');
  await bea.getByLabel('Or paste YAML').fill(yaml);
  await bea.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(bea.getByRole('status')).toContainText(`Imported “${TITLE}”`);
  await expect(bea.getByRole('list', { name: 'My questions' })).toContainText(TITLE);
  expect(await bodies(bea)).toEqual(await bodies(ivy));
});
