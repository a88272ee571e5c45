import { expect, test } from '../support/fixtures.js';
import {
  createRoomFromHome,
  editorText,
  expectConnected,
  joinFromInvite,
  participant,
  typeAtEnd,
} from '../support/room.js';

test('two people share a room: link, roles, live typing both ways, cursors, an outage, refresh and restart', async ({
  server,
  person,
}) => {
  const ivy = await person();
  const cal = await person();

  const roomUrl = await createRoomFromHome(ivy, 'Ivy');
  await expect(ivy.getByText('You: Interviewer')).toBeVisible();

  // Copy invite link puts the room's URL on the clipboard.
  await ivy.getByRole('button', { name: 'Copy invite link' }).click();
  await expect(ivy.getByRole('button', { name: 'Copy invite link' })).toHaveText(/copied/i);
  const copied = await ivy.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(roomUrl);

  await joinFromInvite(cal, copied, 'Cal');
  await expect(cal.getByText('You: Candidate')).toBeVisible();
  await expect(participant(ivy, 'Cal')).toContainText('Candidate');
  await expect(participant(cal, 'Ivy')).toContainText('Interviewer');

  // Typing in both directions.
  await typeAtEnd(ivy, 'def top_k(events, k):');
  await expect.poll(() => editorText(cal)).toBe('def top_k(events, k):');
  await typeAtEnd(cal, '  # candidate was here');
  await expect.poll(() => editorText(ivy)).toBe('def top_k(events, k):  # candidate was here');

  // Each sees the other's cursor, labelled with the server-stamped name.
  await expect(ivy.getByLabel('Code editor').locator('.cm-ySelectionInfo', { hasText: 'Cal' })).toBeVisible();
  await expect(cal.getByLabel('Code editor').locator('.cm-ySelectionInfo', { hasText: 'Ivy' })).toBeVisible();

  // A refresh keeps the seat and the code.
  await cal.reload();
  await expectConnected(cal);
  await expect(cal.getByText('You: Candidate')).toBeVisible();
  await expect.poll(() => editorText(cal)).toBe('def top_k(events, k):  # candidate was here');

  // The server crashes; both see it, keep typing, and everything merges after the restart.
  await server.kill();
  await expect(ivy.getByRole('status')).toHaveText(/Reconnecting/);
  await expect(cal.getByRole('status')).toHaveText(/Reconnecting/);
  await typeAtEnd(ivy, ' #offline-ivy');
  // The outage is said plainly, and nobody's presence is claimed while it lasts.
  await expect(ivy.getByRole('alert').filter({ hasText: 'Connection lost, reconnecting' })).toBeVisible();
  await expect(participant(ivy, 'Cal')).toContainText('unknown');
  // An action tried now waits for the connection and goes once it is back.
  await ivy.getByRole('button', { name: 'Start timer' }).click();
  await server.restart();
  await expectConnected(ivy);
  await expectConnected(cal);
  await expect(ivy.getByRole('timer', { name: 'Time remaining' })).not.toHaveText('45:00');
  await expect(ivy.getByText(/not connected/i)).toHaveCount(0);
  await expect(ivy.getByRole('alert').filter({ hasText: 'Connection lost' })).toHaveCount(0);
  await expect(participant(ivy, 'Cal')).toContainText('online');
  await expect.poll(() => editorText(cal)).toContain('#offline-ivy');
  await expect.poll(() => editorText(ivy)).toBe(await editorText(cal));

  // After the restart a refresh still restores the role and the code from the server.
  await ivy.reload();
  await expectConnected(ivy);
  await expect(ivy.getByText('You: Interviewer')).toBeVisible();
  await expect.poll(() => editorText(ivy)).toBe('def top_k(events, k):  # candidate was here #offline-ivy');
});

test('language choice is synced and a third person observes read-only', async ({ person }) => {
  const ivy = await person();
  const cal = await person();
  const obi = await person();
  const roomUrl = await createRoomFromHome(ivy, 'Ivy');
  await joinFromInvite(cal, roomUrl, 'Cal');

  await ivy.getByLabel('Language').selectOption({ label: 'Go' });
  await expect(cal.getByLabel('Language')).toHaveValue('go');

  await obi.goto(roomUrl);
  await expect(obi.getByText(/you will join as an Observer/)).toBeVisible();
  await obi.getByLabel('Your name').fill('Obi');
  await obi.getByRole('button', { name: 'Join room' }).click();
  await expectConnected(obi);
  await expect(obi.getByText('You: Observer')).toBeVisible();
  await expect(participant(ivy, 'Obi')).toContainText('Observer');
  await expect(obi.getByLabel('Code editor')).toHaveAttribute('contenteditable', 'false');
  await expect(obi.getByLabel('Language')).toBeDisabled();

  await typeAtEnd(ivy, 'package main');
  await expect.poll(() => editorText(obi)).toBe('package main');
});

test('unknown and malformed room links show a clear not-found page', async ({ person, server }) => {
  const page = await person();
  for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'not-a-room']) {
    const response = await page.goto(`/r/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Room not found' })).toBeVisible();
  }
  expect((await page.goto('/no/such/page'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

test('the home page asks for a name before creating a room', async ({ person }) => {
  const page = await person();
  await page.goto('/');
  await page.getByRole('button', { name: 'Create room' }).click();
  // The browser's own required-field check stops the submit; nothing navigates.
  await expect(page).toHaveURL(/\/$/);
  await page.getByLabel('Your name').fill('   ');
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please enter your name.');
});
