import { violations } from '../support/axe.js';
import { expect, test } from '../support/fixtures.js';
import { createRoomFromHome, expectConnected, joinFromInvite } from '../support/room.js';

test('axe: no serious or critical violations on home, lobby, track, My practice, join, room (both roles, code and board) and report', async ({
  person,
}) => {
  const found: string[] = [];
  const ivy = await person();
  await ivy.goto('/');
  await expect(ivy.getByRole('heading', { name: 'Practice a real loop' })).toBeVisible();
  found.push(...(await violations(ivy, 'home')));
  await ivy.getByRole('link', { name: /Netflix/ }).click();
  await expect(ivy.getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...(await violations(ivy, 'track')));
  await ivy.goto('/lobby');
  await expect(ivy.getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...(await violations(ivy, 'lobby')));
  await ivy.goto('/practice');
  await expect(ivy.getByRole('heading', { name: 'My practice' })).toBeVisible();
  found.push(...(await violations(ivy, 'my practice')));

  const roomUrl = await createRoomFromHome(ivy, 'Ivy', 'System design');
  const cal = await person();
  await cal.goto(roomUrl);
  await expect(cal.getByRole('button', { name: 'Join room' })).toBeVisible();
  found.push(...(await violations(cal, 'join')));
  await joinFromInvite(cal, roomUrl, 'Cal');
  await expectConnected(ivy);
  for (const [who, page] of [
    ['interviewer', ivy],
    ['candidate', cal],
  ] as const) {
    await expect(page.locator('.excalidraw')).toBeVisible();
    found.push(...(await violations(page, `room, board, ${who}`, ['.excalidraw'])));
    await page.getByRole('tab', { name: 'Code' }).click();
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeVisible();
    found.push(...(await violations(page, `room, code, ${who}`)));
  }

  await ivy.getByRole('button', { name: 'End interview' }).click();
  await ivy.getByRole('button', { name: 'End now' }).click();
  await expect(ivy.getByRole('form', { name: 'Scorecard' })).toBeVisible();
  found.push(...(await violations(ivy, 'room, feedback')));
  await ivy.goto(`${new URL(roomUrl).pathname}/report`);
  await expect(ivy.getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...(await violations(ivy, 'report')));

  expect(found).toEqual([]);
});
