import { violations } from '../support/axe.js';
import { expect, test } from '../support/fixtures.js';
import { reportLinkOnClipboard } from '../support/reportLink.js';
import { createRoomFromHome, expectConnected, joinFromInvite } from '../support/room.js';

test('axe: no serious or critical violations on home, lobby, track, My practice, join, room (both roles, code and board) and report', async ({
  person,
}) => {
  const found: string[] = [];
  const ivy = await person();
  await ivy.goto('/');
  await expect(ivy.getByRole('heading', { name: 'Practise a real loop' })).toBeVisible();
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

test('axe on the states a first pass misses: an editor full of code (it scrolls), a peer who left, alone and waiting, editor settings open, a report link view', async ({
  person,
}) => {
  const found: string[] = [];
  const ivy = await person();
  const roomUrl = await createRoomFromHome(ivy, 'Ivy');
  found.push(...(await violations(ivy, 'room, alone and waiting')));
  const cal = await person();
  await joinFromInvite(cal, roomUrl, 'Cal');
  // More code than the editor shows, and longer lines than it is wide: it scrolls both ways.
  const code = Array.from({ length: 80 }, (_, i) => `line_${i} = "${'x'.repeat(i * 3)}"`).join('\n');
  await ivy.getByRole('textbox', { name: 'Code editor' }).click();
  await ivy.keyboard.insertText(code);
  await expect(cal.getByRole('textbox', { name: 'Code editor' })).toContainText('line_5');
  // Cal leaves: his entry says so, in a colour that still reads.
  await cal.close();
  await expect(
    ivy.getByRole('list', { name: 'Participants' }).getByRole('listitem').filter({ hasText: 'Cal' }),
  ).toContainText('offline');
  found.push(...(await violations(ivy, 'room, code that scrolls, a peer gone')));
  await ivy.getByRole('button', { name: 'Editor settings' }).click();
  await ivy.getByRole('group', { name: 'Editor settings' }).getByLabel('Theme').selectOption('light');
  found.push(...(await violations(ivy, 'room, editor settings open, light theme')));

  await ivy.goto(`${new URL(roomUrl).pathname}/report`);
  await ivy.getByRole('button', { name: 'Copy report link' }).click();
  const link = await reportLinkOnClipboard(ivy);
  const coach = await person();
  await coach.goto(link);
  await expect(coach.getByRole('heading', { name: 'Interview report' })).toBeVisible();
  await expect(coach.getByRole('region', { name: 'Replay of round 1' })).toBeVisible();
  found.push(...(await violations(coach, 'report link view')));

  expect(found).toEqual([]);
});
