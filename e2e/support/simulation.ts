import { expect, type Page } from '@playwright/test';
import { expectConnected, fillSelfAssessment } from './room.js';

/** The question both simulation specs practise: Netflix's Top K trending, 45 minutes in five phases. */
const TOP_K_PAGE = '/tracks/netflix-mle/questions/netflix-mle-top-k-trending';

/** `name` opens the Top K question's page and simulates it alone; resolves once the room is connected. */
export async function simulateTopK(page: Page, name: string): Promise<void> {
  await simulateFrom(page, TOP_K_PAGE, 'Simulate alone', name);
}

/** Opens a page with a Simulate entry, gives the name, clicks it and waits for the solo room. */
export async function simulateFrom(page: Page, path: string, button: string, name = 'Cal'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Your name').fill(name);
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
  await fillSelfAssessment(form, '3', '4');
  await form.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(page.getByText('Thanks, your feedback is in.')).toBeVisible();
}
