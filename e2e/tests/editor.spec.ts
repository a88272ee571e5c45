import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { editorText, expectConnected, ivyAndCal } from '../support/room.js';

/** Replaces the editor's content with `code`, as one paste (no auto-indent or bracket closing). */
async function setCode(page: Page, code: string) {
  await page.getByLabel('Code editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

const latestRun = (page: Page) => page.getByRole('region', { name: 'Output' }).locator('.run').first();

async function openSettings(page: Page) {
  const toggle = page.getByRole('button', { name: 'Editor settings' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.getByRole('group', { name: 'Editor settings' });
}

test('the editor a candidate expects: settings kept per browser through a refresh (Vim, Emacs, type size, light theme), 4-space Python indents, errors marked on their line', async ({
  person,
}) => {
  const { ivy, cal } = await ivyAndCal(person);
  const editor = cal.getByRole('textbox', { name: 'Code editor' });

  // Python indents four spaces, as the bank's starter code does.
  await editor.click();
  await cal.keyboard.type('def f():');
  await cal.keyboard.press('Enter');
  await cal.keyboard.type('return 1');
  await expect.poll(() => editorText(cal)).toBe('def f():\n    return 1');

  // Vim keys, a bigger type and the light theme; a refresh keeps all three (this browser only).
  const settings = await openSettings(cal);
  await settings.getByLabel('Key bindings').selectOption('vim');
  await settings.getByLabel('Font size').selectOption('18');
  await settings.getByLabel('Theme').selectOption('light');
  await cal.keyboard.press('Escape');
  await cal.reload();
  await expectConnected(cal);
  await expect(editor).toHaveCSS('font-size', '18px');
  await expect(cal.locator('.editor-host.code .cm-editor')).toHaveCSS(
    'background-color',
    'rgb(255, 255, 255)',
  );
  expect(await (await openSettings(cal)).getByLabel('Key bindings').inputValue()).toBe('vim');
  await cal.keyboard.press('Escape');
  await expect(ivy.getByRole('textbox', { name: 'Code editor' })).toHaveCSS('font-size', '14px');
  // In Vim's normal mode keys are commands: G goes to the last line, o opens a line under it.
  await expect(cal.locator('.cm-vim-panel')).toBeAttached();
  await editor.click();
  await cal.keyboard.press('Escape');
  await cal.keyboard.type('Go# vim was here');
  await cal.keyboard.press('Escape');
  await expect.poll(() => editorText(ivy)).toBe('def f():\n    return 1\n    # vim was here');

  // Emacs keys: Ctrl+A goes to the start of the line (standard keys would select everything).
  await (await openSettings(cal)).getByLabel('Key bindings').selectOption('emacs');
  await cal.keyboard.press('Escape');
  await editor.click();
  await cal.keyboard.press('Control+End');
  await cal.keyboard.press('Control+a');
  await cal.keyboard.insertText('X');
  await expect.poll(() => editorText(ivy)).toBe('def f():\n    return 1\nX    # vim was here');

  // An error is marked on the line it names, for both of them; a clean run clears it.
  await (await openSettings(cal)).getByLabel('Key bindings').selectOption('standard');
  await cal.keyboard.press('Escape');
  await cal.getByLabel('Language').selectOption('javascript');
  await setCode(cal, 'const ok = 1;\nnull.boom();\n');
  await cal.getByRole('button', { name: 'Run code' }).click();
  await expect(latestRun(cal)).toContainText('(line 2)');
  for (const page of [cal, ivy]) {
    const marked = page.locator('.editor-host.code .cm-line.cm-error-line');
    await expect(marked).toHaveCount(1);
    await expect(marked).toHaveText('null.boom();');
    await expect(page.locator('.cm-error-dot')).toHaveAttribute('title', /TypeError/);
  }
  await setCode(cal, 'console.log(1);\n');
  await cal.getByRole('button', { name: 'Run code' }).click();
  await expect(latestRun(cal)).toContainText('finished');
  await expect(cal.locator('.cm-error-line')).toHaveCount(0);
});

test('P-RUN-4: the candidate adds a test case; the room sees it, Run tests runs it after the public tests, the hidden run leaves it out', async ({
  person,
}) => {
  const { ivy, cal, panel } = await ivyAndCal(person);
  await panel.getByRole('button', { name: 'Pick Can every show be watched in order?' }).click();
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(cal.getByRole('heading', { name: 'Can every show be watched in order?' })).toBeVisible();
  await cal.getByLabel('Language').selectOption('javascript');
  await setCode(cal, 'function canWatchAll(shows, dependencies) {\n  return dependencies.length === 0;\n}\n');

  await cal.getByText('Your test cases (0)').click();
  const form = cal.getByRole('form', { name: 'Add a test case' });
  await form.getByLabel('Arguments (a JSON list)').fill('[["A"], [["A", "B"]');
  await form.getByLabel('Expected result (JSON)').fill('false');
  await form.getByRole('button', { name: 'Add test case' }).click();
  await expect(form.getByRole('alert')).toContainText('not JSON');
  await form.getByLabel('Arguments (a JSON list)').fill('[["A", "B"], [["A", "B"], ["B", "A"]]]');
  await form.getByRole('button', { name: 'Add test case' }).click();
  await expect(form.getByRole('alert')).toHaveCount(0);
  // Shared with the room.
  await expect(ivy.getByText('Your test cases (1)')).toBeVisible();

  await cal.getByRole('button', { name: 'Run tests' }).click();
  const run = latestRun(cal);
  await expect(run).toContainText('Cal ran the tests in JavaScript');
  const rows = run.getByRole('row');
  const publicTests = (await rows.count()) - 2; // the header and the added case
  expect(publicTests).toBeGreaterThan(0);
  await expect(rows.last()).toContainText('Added 1 (Cal)');
  await expect(rows.last()).toContainText('pass');
  await expect(latestRun(ivy)).toContainText('Added 1 (Cal)');

  // The interviewer's hidden run: the question's hidden cases only.
  const hidden = Number(/(\d+) hidden test cases/.exec((await panel.textContent()) ?? '')?.[1]);
  await ivy.getByRole('button', { name: 'Run hidden tests' }).click();
  await expect(latestRun(cal)).toContainText(new RegExp(`\\d+/${hidden} hidden tests passed`));
  await expect(latestRun(ivy).getByText('Added 1')).toHaveCount(0);
});
