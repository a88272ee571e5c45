import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { expectConnected } from '../support/room.js';

/** Presses Tab until `target` has focus; fails if it takes more than `max` presses (unreachable). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab in ${max} presses: ${target}`);
}

/** Fails the test if the page sees a single mouse or pointer press. */
async function noMouse(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const type of ['mousedown', 'pointerdown', 'click']) {
      window.addEventListener(
        type,
        (event) => {
          // A click synthesised from the keyboard (Enter, Space) has no pointer: detail is 0.
          if (type === 'click' && (event as MouseEvent).detail === 0) return;
          (window as unknown as { mouseUsed: string }).mouseUsed = type;
        },
        true,
      );
    }
  });
}
const mouseUsed = (page: Page) =>
  page.evaluate(() => (window as unknown as { mouseUsed?: string }).mouseUsed);

test('a whole interview by keyboard alone: create, join, pick, reveal, type, run, end, score', async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  await noMouse(ivy);
  await noMouse(cal);

  await ivy.goto('/');
  await tabTo(ivy, ivy.getByLabel('Your name'));
  await ivy.keyboard.type('Ivy');
  await tabTo(ivy, ivy.getByRole('button', { name: 'Create room' }));
  await ivy.keyboard.press('Enter');
  await ivy.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await expectConnected(ivy);

  await cal.goto(ivy.url());
  await tabTo(cal, cal.getByLabel('Your name'));
  await cal.keyboard.type('Cal');
  await tabTo(cal, cal.getByRole('button', { name: 'Join room' }));
  await cal.keyboard.press('Enter');
  await expectConnected(cal);

  // The skip button comes first, and leads past the editor to the console.
  await ivy.keyboard.press('Tab');
  await expect(ivy.getByRole('button', { name: 'Skip to the interviewer panel' })).toBeFocused();
  await ivy.keyboard.press('Enter');
  await expect(ivy.getByRole('region', { name: 'Interviewer panel' })).toBeFocused();
  await tabTo(ivy, ivy.getByRole('button', { name: 'Pick Can every show be watched in order?' }));
  await ivy.keyboard.press('Enter');
  // Focus follows the action: to Reveal question, not to the page.
  await expect(ivy.getByRole('button', { name: 'Reveal question' })).toBeFocused();
  await ivy.keyboard.press('Enter');
  await expect(cal.getByRole('heading', { name: 'Can every show be watched in order?' })).toBeVisible();

  // Cal types and runs; the editor says how to leave it, and Esc then Tab does.
  const editor = cal.getByRole('textbox', { name: 'Code editor' });
  await tabTo(cal, editor);
  await expect(cal.getByText('to leave the editor press Esc, then Tab')).toBeVisible();
  await cal.keyboard.press('Control+End');
  await cal.keyboard.press('Enter');
  await cal.keyboard.type('print("by keyboard")');
  await cal.keyboard.press('Control+Enter');
  await expect(cal.getByRole('region', { name: 'Output' }).getByText('by keyboard')).toBeVisible({
    timeout: 60_000,
  });
  await cal.keyboard.press('Escape');
  await cal.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();

  // Ivy ends the round and scores it.
  await tabTo(ivy, ivy.getByRole('button', { name: 'End interview' }));
  await ivy.keyboard.press('Enter');
  await expect(ivy.getByRole('button', { name: 'End now' })).toBeFocused();
  await ivy.keyboard.press('Enter');
  const scorecard = ivy.getByRole('form', { name: 'Scorecard' });
  await expect(scorecard).toBeVisible();
  const groups = scorecard.getByRole('group');
  for (let i = 0; i < (await groups.count()); i++) {
    const lowest = groups.nth(i).getByLabel('1', { exact: true });
    if ((await lowest.count()) === 0) continue;
    await tabTo(ivy, lowest);
    await ivy.keyboard.press('ArrowRight'); // moves to 2 and checks it
  }
  await tabTo(ivy, scorecard.getByLabel('Overall recommendation'));
  await ivy.keyboard.press('ArrowDown');
  await tabTo(ivy, scorecard.getByLabel('What went well'));
  await ivy.keyboard.type('KEYBOARD_ONLY kept going');
  await tabTo(ivy, scorecard.getByRole('button', { name: 'Submit feedback' }));
  await ivy.keyboard.press('Enter');
  await expect(ivy.locator(':focus')).toContainText('Thanks, your feedback is in.');
  await expect(ivy.getByText('Thanks, your feedback is in.')).toBeInViewport();

  expect(await mouseUsed(ivy)).toBeUndefined();
  expect(await mouseUsed(cal)).toBeUndefined();

  // The report lists the round's runs.
  await ivy.goto(`${new URL(ivy.url()).pathname}/report`);
  await expect(ivy.getByRole('list').filter({ hasText: 'Cal ran the code: finished' })).toBeVisible();
});
