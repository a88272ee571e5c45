import { expect, test } from '../support/fixtures.js';
import { editorText, ivyAndCal, typeAtEnd } from '../support/room.js';

test('P-ROOM-7: a seated person deletes the room from the report after a confirm; the other person is told it was deleted', async ({
  person,
}) => {
  const { ivy, cal, roomUrl } = await ivyAndCal(person);
  await typeAtEnd(ivy, 'def solve():');
  await expect.poll(() => editorText(cal)).toBe('def solve():');

  // Ivy opens the room's report in another tab of her browser (it has her seat).
  const report = await ivy.context().newPage();
  await report.goto(`${roomUrl}/report`);
  const remove = report.getByRole('button', { name: 'Delete room' });
  // Dismissing the confirm deletes nothing.
  report.once('dialog', (dialog) => void dialog.dismiss());
  await remove.click();
  await expect(report.getByRole('heading', { name: 'Interview report' })).toBeVisible();
  expect(await editorText(cal)).toBe('def solve():');

  report.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Delete this room for everyone?');
    void dialog.accept();
  });
  await remove.click();
  await expect(report.getByRole('heading', { name: 'The room was deleted' })).toBeVisible();
  await expect(cal.getByRole('heading', { name: 'This room was deleted' })).toBeVisible();
  await expect(ivy.getByRole('heading', { name: 'This room was deleted' })).toBeVisible();
  // Nothing is left to open.
  await cal.reload();
  await expect(cal.getByText(/no such room|does not exist|not found/i).first()).toBeVisible();
});
