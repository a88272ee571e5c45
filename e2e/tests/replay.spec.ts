import type { Locator, Page } from '@playwright/test';
import { drag, openBoard, pickTool } from '../support/board.js';
import { expect, test } from '../support/fixtures.js';
import {
  createRoomFromHome,
  editorText,
  expectConnected,
  joinFromInvite,
  typeAtEnd,
} from '../support/room.js';

/** The replay's read-only editor text, line by line as CodeMirror shows it. */
function replayCode(replay: Locator): Promise<string> {
  return replay
    .getByRole('textbox', { name: 'Code at this moment' })
    .evaluate((content) =>
      [...content.querySelectorAll('.cm-line')].map((l) => l.textContent ?? '').join('\n'),
    );
}

async function sliderValue(replay: Locator): Promise<number> {
  return Number(await replay.getByRole('slider', { name: 'Replay position' }).inputValue());
}

async function openReplay(page: Page, roomId: string): Promise<Locator> {
  await page.goto(`/r/${roomId}/report`);
  const replay = page.getByRole('region', { name: 'Replay of round 1' });
  await expect(replay.getByRole('button', { name: 'Play' })).toBeVisible();
  return replay;
}

test('P-REPLAY-1: a finished interview replays code, board, hint and run on one timeline, also after kill -9', async ({
  person,
  server,
}) => {
  test.setTimeout(150_000);
  const ivy = await person();
  const cal = await person();
  const roomUrl = await createRoomFromHome(ivy, 'Ivy');
  await joinFromInvite(cal, roomUrl, 'Cal');
  const roomId = new URL(roomUrl).pathname.split('/').pop() ?? '';
  await ivy.getByLabel('Language').selectOption({ label: 'JavaScript' });

  // Reveal, type, hint, type, run, draw, end.
  const panel = ivy.getByRole('region', { name: 'Interviewer panel' });
  await panel.getByRole('button', { name: 'Pick Top K trending movies in the last hour' }).click();
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(cal.getByRole('heading', { name: 'Top K trending movies in the last hour' })).toBeVisible();
  await typeAtEnd(cal, '\n// typed before the hint');
  await expect.poll(() => editorText(ivy)).toContain('// typed before the hint');
  await panel.getByRole('button', { name: 'Reveal hint' }).click();
  await expect(cal.getByRole('region', { name: 'Revealed hints' }).getByRole('listitem')).toHaveCount(1);
  await typeAtEnd(cal, '\nconsole.log("after the hint");');
  await cal.getByRole('button', { name: 'Run code' }).click();
  await expect(cal.getByRole('region', { name: 'Output' })).toContainText('after the hint');
  await cal.getByRole('tab', { name: 'Whiteboard' }).click();
  await openBoard(cal);
  await pickTool(cal, 'r');
  await drag(cal, [320, 160], [520, 280]);
  await ivy.getByRole('tab', { name: 'Whiteboard' }).click();
  await openBoard(ivy);
  await panel.getByRole('tab', { name: 'Notes' }).click();
  await panel.getByRole('textbox', { name: 'Private notes' }).click();
  await ivy.keyboard.insertText('IVY_PRIVATE good instincts');
  await ivy.getByRole('button', { name: 'End interview' }).click();
  await ivy.getByRole('button', { name: 'End now' }).click();
  await expect(ivy.getByRole('form', { name: 'Scorecard' })).toBeVisible();
  await cal.getByRole('tab', { name: 'Code' }).click();
  const finalCode = await editorText(cal);

  // The report's replay, for the candidate.
  let replay = await openReplay(cal, roomId);
  const hint = replay.getByRole('button', { name: /^Hint 1 at / });
  await expect(replay.getByRole('button', { name: /^Question revealed at / })).toBeVisible();
  await expect(replay.getByRole('button', { name: /^Run: finished at / })).toBeVisible();
  await expect(replay.getByRole('button', { name: /^Round ended at / })).toBeVisible();
  await expect(
    replay.getByRole('img', { name: /^Activity of Cal: typed \d+ times, drew \d+ times$/ }),
  ).toBeVisible();

  // Seek to just before the hint: the code of that moment, the hint still ahead.
  await hint.click();
  await replay.getByRole('button', { name: 'Previous change' }).click();
  await expect.poll(() => replayCode(replay)).toContain('// typed before the hint');
  expect(await replayCode(replay)).not.toContain('after the hint');
  expect(Number(await hint.getAttribute('data-at'))).toBeGreaterThan(await sliderValue(replay));
  await expect(replay.getByRole('region', { name: 'Runs at this moment' })).toContainText('No runs yet');
  await expect(replay.getByRole('figure', { name: 'Board at this moment' })).toContainText(
    'The board is empty.',
  );

  // Play at 16x to the end: the room's final code and board.
  await replay.getByLabel('Replay speed').selectOption('16');
  await replay.getByRole('button', { name: 'Play' }).click();
  await expect(replay.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 });
  const max = Number(await replay.getByRole('slider', { name: 'Replay position' }).getAttribute('max'));
  expect(await sliderValue(replay)).toBe(max);
  await expect.poll(() => replayCode(replay)).toBe(finalCode);
  await expect(replay.getByRole('figure', { name: 'Board at this moment' })).toContainText('1 rectangle');
  await expect(replay.getByRole('region', { name: 'Runs at this moment' })).toContainText('after the hint');
  await expect(
    cal.getByRole('img', { name: 'Final board of round 1' }).locator('svg rect').first(),
  ).toBeAttached();

  // A link to a moment opens the replay there.
  await hint.click();
  await replay.getByRole('button', { name: 'Previous change' }).click();
  const at = await sliderValue(replay);
  await replay.getByRole('button', { name: 'Copy link to this moment' }).click();
  // The copy waits for Cal's report key from the server: read the clipboard once it says it is done.
  await expect(replay.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  const link = await cal.evaluate(() => navigator.clipboard.readText());
  // Rounded up to the second, and with Cal's report key: it opens in any browser (P-PRIV-6).
  expect(link).toMatch(new RegExp(`/r/${roomId}/report\\?round=1&t=${Math.ceil(at / 1000)}#key=rk\\.`));

  // kill -9 between the interview and the replay changes nothing.
  await server.kill();
  await server.restart();
  await cal.goto(link);
  replay = cal.getByRole('region', { name: 'Replay of round 1' });
  await expect(replay.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(Math.round((await sliderValue(replay)) / 1000)).toBe(Math.ceil(at / 1000));
  await replay.getByRole('slider', { name: 'Replay position' }).press('End');
  await expect.poll(() => replayCode(replay)).toBe(finalCode);
  await expect(replay.getByRole('figure', { name: 'Board at this moment' })).toContainText('1 rectangle');
  await expectConnected(ivy);

  // The interviewer's replay adds their private notes; the candidate's has none.
  await expect(replay.getByRole('region', { name: 'Private notes at this moment' })).toHaveCount(0);
  const ivyReplay = await openReplay(ivy, roomId);
  await ivyReplay.getByRole('slider', { name: 'Replay position' }).press('End');
  await expect(ivyReplay.getByRole('region', { name: 'Private notes at this moment' })).toContainText(
    'IVY_PRIVATE',
  );
  await expect(ivyReplay.getByRole('heading', { name: 'Your private notes' })).toBeVisible();
  await expect(cal.getByText('IVY_PRIVATE')).toHaveCount(0);
});
