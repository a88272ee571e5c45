import type { Page } from '@playwright/test';
import { expectConnected } from './room.js';

/** The question both simulation specs practise: Netflix's Top K trending, 45 minutes in five phases. */
const TOP_K_PAGE = '/tracks/netflix-mle/questions/netflix-mle-top-k-trending';

/** `name` opens the Top K question's page and simulates it alone; resolves once the room is connected. */
export async function simulateTopK(page: Page, name: string): Promise<void> {
  await page.goto(TOP_K_PAGE);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Simulate alone' }).click();
  await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await expectConnected(page);
}
