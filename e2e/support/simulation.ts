import { expect, type Page } from '@playwright/test';
import { expectConnected, rateAll } from './room.js';

/** Opens a page with a Simulate entry, gives the name, clicks it and waits for the solo room. */
export async function simulateFrom(page: Page, path: string, button: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Your name').fill('Cal');
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await expectConnected(page);
}

/** The simulated interviewer's transcript, where every line it says is written. */
export function transcriptOf(page: Page) {
  return page.getByRole('log', { name: 'Interviewer transcript' });
}

/** Fills the solo round's self-assessment (every criterion 3, the interviewer 4 and 4) and sends it. */
export async function assessYourself(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Self-assessment' });
  await expect(form).toBeVisible();
  await rateAll(form, '3');
  for (const question of [/How clear was/, /How helpful was/]) {
    await form.getByRole('group', { name: question }).getByLabel('4', { exact: true }).check();
  }
  await form.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(page.getByText('Thanks, your feedback is in.')).toBeVisible();
}
