import { expect, type Locator, type Page } from '@playwright/test';

/** Creates a room from the home page and waits until it is live. */
export async function createRoomFromHome(page: Page, name: string, roundType = 'Coding'): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Round type').selectOption({ label: roundType });
  await page.getByRole('button', { name: 'Create room' }).click();
  await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await expectConnected(page);
  return page.url();
}

export async function joinFromInvite(page: Page, inviteUrl: string, name: string): Promise<void> {
  await page.goto(inviteUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join room' }).click();
  await expectConnected(page);
}

export async function expectConnected(page: Page): Promise<void> {
  // The connection's own status (the call has a status of its own).
  await expect(page.getByRole('status').filter({ hasText: /^(Connected|Reconnecting…)$/ })).toHaveText(
    'Connected',
  );
}

/** The editor's text, without the peers' cursor-name widgets that CodeMirror renders inline. */
export async function editorText(page: Page): Promise<string> {
  return page.getByRole('textbox', { name: 'Code editor' }).evaluate((content) => {
    const copy = content.cloneNode(true) as HTMLElement;
    for (const widget of copy.querySelectorAll('.cm-ySelectionCaret, .cm-ySelectionInfo')) widget.remove();
    return [...copy.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n');
  });
}

/** Types at the end of the document, as one insertion (no auto-closing brackets or indent). */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.getByLabel('Code editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

export function participant(page: Page, name: string) {
  return page.getByRole('list', { name: 'Participants' }).getByRole('listitem').filter({ hasText: name });
}

/** Ivy creates a room from the home page (she interviews) and Cal joins from its invite link. */
export async function ivyAndCal(person: () => Promise<Page>, roundType = 'Coding') {
  const ivy = await person();
  const cal = await person();
  return seatIvyAndCal(ivy, cal, roundType);
}

/** As ivyAndCal, on pages the test already holds (to set up a page before it opens the room). */
export async function seatIvyAndCal(ivy: Page, cal: Page, roundType = 'Coding') {
  const roomUrl = await createRoomFromHome(ivy, 'Ivy', roundType);
  await joinFromInvite(cal, roomUrl, 'Cal');
  return { ivy, cal, roomUrl, panel: ivy.getByRole('region', { name: 'Interviewer panel' }) };
}

/** Gives every criterion of a feedback form the same score. */
export async function rateAll(form: Locator, score: string): Promise<void> {
  const groups = form.getByRole('group');
  // count() does not wait: the form may not be on screen yet when the round has just ended.
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const option = groups.nth(i).getByLabel(score, { exact: true });
    if (await option.count()) await option.check();
  }
}

/**
 * Fills a self-assessment: every criterion `score`, and the interviewer rated `interviewerScore`
 * for clarity and for helpfulness. Submitting is left to the test.
 */
export async function fillSelfAssessment(
  selfForm: Locator,
  score: string,
  interviewerScore: string,
): Promise<void> {
  await rateAll(selfForm, score);
  for (const question of [/How clear was/, /How helpful was/]) {
    await selfForm
      .getByRole('group', { name: question })
      .getByLabel(interviewerScore, { exact: true })
      .check();
  }
}
