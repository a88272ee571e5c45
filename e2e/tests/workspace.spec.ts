import type { Page } from '@playwright/test';
import { openBoard } from '../support/board.js';
import { expect, test } from '../support/fixtures.js';
import { createRoomFromHome, expectConnected, joinFromInvite } from '../support/room.js';

/** The board's drawing surface on the page (CSS pixels). */
async function boardBox(page: Page) {
  const box = await page.locator('.board-host .excalidraw').boundingBox();
  if (!box) throw new Error('no board');
  return box;
}

async function headerHeight(page: Page) {
  return (await page.locator('.room-header').boundingBox())?.height ?? 0;
}

test('a system design room at 1280 px: a one-row header, the whole Excalidraw toolbar, and a board that keeps its size through the call, a reveal and the end of the round', async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  const url = await createRoomFromHome(ivy, 'Ivy', 'System design');

  // Alone, Ivy sees who she waits for and the link, with one Copy invite link on the page.
  const waiting = ivy.getByRole('region', { name: 'Waiting for your candidate' });
  await expect(waiting.getByRole('textbox', { name: 'Invite link' })).toHaveValue(url);
  await expect(ivy.getByRole('button', { name: 'Copy invite link' })).toHaveCount(1);
  await joinFromInvite(cal, url, 'Cal');
  await expect(waiting).toHaveCount(0);
  await expect(cal.getByRole('region', { name: /^Waiting for/ })).toHaveCount(0);

  for (const page of [ivy, cal]) {
    await openBoard(page);
    // The question starts folded over the board, for both roles.
    await expect(page.getByRole('button', { name: 'Question', exact: true })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    // Nothing of Excalidraw's toolbar is cut off: the Library button is inside the board.
    const library = page.locator('.board-host .default-sidebar-trigger');
    await expect(library).toBeVisible();
    const board = await boardBox(page);
    const button = await library.boundingBox();
    expect(button && button.x + button.width <= board.x + board.width).toBe(true);
  }
  const before = { ivy: await boardBox(ivy), cal: await boardBox(cal) };

  // The call: its controls and tiles go to the side panel; the header stays one row.
  await cal.getByRole('button', { name: 'Join call' }).click();
  await expect(cal.getByRole('region', { name: 'Call' })).toBeVisible();
  await ivy.getByRole('button', { name: 'Join call' }).click();
  await expect(ivy.getByRole('region', { name: 'Call' })).toBeVisible();

  // The question revealed: it opens over the board for Cal, and can fold again.
  const panel = ivy.getByRole('region', { name: 'Interviewer panel' });
  await panel.getByRole('button', { name: 'Pick ML architecture for the personalized homepage' }).click();
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(
    cal.getByRole('heading', { name: 'ML architecture for the personalized homepage' }),
  ).toBeVisible();
  await ivy.getByRole('button', { name: 'Start timer' }).click();
  for (const [name, page] of [
    ['ivy', ivy],
    ['cal', cal],
  ] as const) {
    expect(await headerHeight(page)).toBeLessThan(60);
    expect(await boardBox(page)).toEqual(before[name]);
  }

  // The round ends: the forms open over the board, which stays as it was.
  await ivy.getByRole('button', { name: 'End interview' }).click();
  await ivy.getByRole('button', { name: 'End now' }).click();
  await expect(ivy.getByRole('form', { name: 'Scorecard' })).toBeVisible();
  await expect(cal.getByRole('form', { name: 'Self-assessment' })).toBeVisible();
  await expect(ivy.getByRole('region', { name: 'Next round' })).toBeVisible();
  for (const [name, page] of [
    ['ivy', ivy],
    ['cal', cal],
  ] as const) {
    expect(await boardBox(page)).toEqual(before[name]);
    expect(await headerHeight(page)).toBeLessThan(60);
  }
  // Folded, the feedback gives the board back; it stays one click away.
  await cal.getByRole('button', { name: 'Feedback', exact: true }).click();
  await expect(cal.getByRole('form', { name: 'Self-assessment' })).toBeHidden();
  await cal.getByRole('button', { name: 'Feedback', exact: true }).click();
  await expect(cal.getByRole('form', { name: 'Self-assessment' })).toBeVisible();
});

test('the lobby carries its track and round type into the room, and each person is told who they were matched with', async ({
  person,
}) => {
  const ann = await person();
  const bea = await person();
  for (const [page, name] of [
    [ann, 'Ann'],
    [bea, 'Bea'],
  ] as const) {
    await page.goto('/lobby?track=netflix-mle&roundType=system-design');
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Find a partner' }).click();
  }
  await ann.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await bea.waitForURL(ann.url());
  await expectConnected(ann);
  await expectConnected(bea);
  for (const [page, partner] of [
    [ann, 'Bea'],
    [bea, 'Ann'],
  ] as const) {
    const loop = page.getByRole('navigation', { name: 'Loop plan' });
    await expect(loop).toContainText('Netflix · Machine Learning Engineer loop');
    await expect(loop.locator('[aria-current="step"]')).toContainText('System design');
    await expect(page.getByRole('status').filter({ hasText: 'The lobby matched you with' })).toContainText(
      partner,
    );
  }
});
