import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { createRoomFromHome, editorText, joinFromInvite, typeAtEnd } from '../support/room.js';

const PHONE = { width: 390, height: 844 };

/** How wide the page is against the window (more means it scrolls sideways), and the editor's height. */
const layout = (page: Page) =>
  page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    editor: document.querySelector('.cm-editor')?.getBoundingClientRect().height ?? 0,
    editorTop: document.querySelector('.cm-editor')?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY,
  }));

test('a room on a phone: one column, the editor high on the first screen and at least half of it, no sideways scroll, the console one tap away', async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  await ivy.setViewportSize(PHONE);
  await cal.setViewportSize(PHONE);
  const roomUrl = await createRoomFromHome(ivy, 'Ivy');
  await joinFromInvite(cal, roomUrl, 'Cal');

  for (const page of [ivy, cal]) {
    const { overflow, editor, editorTop } = await layout(page);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(editor).toBeGreaterThanOrEqual(PHONE.height / 2);
    // The editor starts high on the first screen: under a short header, not two thirds down.
    expect(editorTop).toBeLessThanOrEqual(PHONE.height / 3);
  }
  await typeAtEnd(cal, 'typed on a phone');
  await expect.poll(() => editorText(ivy)).toBe('typed on a phone');

  // The interviewer's console follows the workspace; the skip button takes her there.
  await ivy.getByRole('button', { name: 'Skip to the interviewer panel' }).click();
  await expect(ivy.getByRole('region', { name: 'Interviewer panel' })).toBeFocused();
  await expect(ivy.getByRole('button', { name: /^Pick / }).first()).toBeInViewport();

  // Narrower still: nothing scrolls sideways at 360 px.
  await cal.setViewportSize({ width: 360, height: 740 });
  expect((await layout(cal)).overflow).toBeLessThanOrEqual(0);
});
