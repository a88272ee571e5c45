import { expect, type Page } from '@playwright/test';

/**
 * The report link on the clipboard, after a click on "Copy report link". The page asks the server
 * for the report key first, so the clipboard is written a round trip after the click; read at
 * once, it still holds whatever was copied before (a CI run's coach opened the home page).
 */
export async function reportLinkOnClipboard(page: Page): Promise<string> {
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await expect.poll(clipboard).toMatch(/\/report#key=rk\./);
  return clipboard();
}
