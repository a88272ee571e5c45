import type { Page } from '@playwright/test';
import { violations } from '../support/axe.js';
import { expect, test } from '../support/fixtures.js';
import { reportLinkOnClipboard } from '../support/reportLink.js';
import { SEED_CODE, SEED_PRIVATE_NOTE, seedLoop } from '../support/seedLoop.js';

/** This browser holds a seat in the room, as it would after taking part. */
async function seatIn(page: Page, roomId: string, secret: string) {
  await page.goto('/');
  await page.evaluate(
    ([id, s]) => localStorage.setItem(`mockloop:secret:${id}`, s as string),
    [roomId, secret],
  );
}

const roundSection = (page: Page, n: number) =>
  page.getByRole('region', { name: new RegExp(`^Round ${n} · `) });

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0], `page ${widths[0]} px wide on a ${widths[1]} px screen`).toBeLessThanOrEqual(
    widths[1] ?? 0,
  );
}

test('the report of a loop with every round type tells its story: summary first, each round what it produced and nothing empty, the Markdown with notes and board, axe-clean, no sideways scroll on a phone', async ({
  server,
  person,
}) => {
  const seeded = await seedLoop(server.url);
  const cal = await person();
  await seatIn(cal, seeded.roomId, seeded.calSecret);
  await cal.goto(`/r/${seeded.roomId}/report`);

  // The summary comes first: when, who, each round with its verdict, and the overall verdict.
  await expect(cal.getByRole('heading', { name: 'Interview report' })).toBeVisible();
  await expect(cal.locator('.report-when')).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  await expect(cal.locator('.report-when')).toContainText('Ivy and Cal · 6 rounds');
  const rounds = cal.getByRole('list', { name: 'Rounds' }).getByRole('listitem');
  await expect(rounds).toHaveCount(6);
  await expect(rounds.nth(0)).toContainText('Round 1 · Recruiter screen');
  await expect(rounds.nth(0)).toContainText('Yes');
  await expect(rounds.nth(2)).toContainText('Round 3 · ML domain');
  await expect(rounds.nth(2)).toContainText('No');
  await expect(rounds.nth(5)).toContainText('Round 6 · Behavioral');
  await expect(cal.getByText(/^Overall for Cal:/)).toContainText(
    'Yes, the middle verdict of 6 scored rounds',
  );

  // The screen's output is its shared notes; no round shows an empty code block.
  const screen = roundSection(cal, 1);
  await expect(screen.getByRole('heading', { name: 'Shared notes' }).first()).toBeVisible();
  await expect(screen).toContainText('Why Netflix: the culture memo.');
  await expect(screen).toContainText('Last project: a ranking model for search.');
  for (const n of [1, 3, 4, 5, 6]) {
    await expect(roundSection(cal, n).getByRole('heading', { name: /^Final code/ })).toHaveCount(0);
  }
  await expect(roundSection(cal, 2).getByRole('heading', { name: 'Final code (Python)' })).toBeVisible();
  await expect(roundSection(cal, 2).locator('pre.code-block')).toHaveText(SEED_CODE);
  await expect(cal.getByText('(empty)')).toHaveCount(0);
  // The system design round's board, as a picture with its words.
  const design = roundSection(cal, 4);
  await expect(design.getByRole('img', { name: 'Final board of round 4' })).toBeAttached();
  await expect(design.locator('.board-picture figcaption')).toContainText('Text: API gateway; Ranker.');
  // The candidate's report has no private notes, under any heading.
  await expect(cal.getByText(/private notes/i)).toHaveCount(0);

  const found = await violations(cal, 'report, every round type', ['.excalidraw']);
  expect(found).toEqual([]);

  const download = cal.waitForEvent('download');
  await cal.getByRole('button', { name: 'Export Markdown' }).click();
  const markdown = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString(
    'utf8',
  );
  expect(markdown).toContain('| 1 | Recruiter screen | Ivy | Cal |');
  expect(markdown).toContain('**Overall for Cal:**');
  expect(markdown).toContain(
    '### Shared notes\n\nWhy Netflix\\: the culture memo.\\\nLast project\\: a ranking model for search.',
  );
  expect(markdown.match(/^### Final code/gm)).toHaveLength(1);
  expect(markdown).not.toMatch(/```[a-z]*\n\n```/);
  expect(markdown).toMatch(
    /### Final board\n\n!\[Final board of round 4\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/,
  );

  // A phone: the report fits the screen's width.
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 800 },
  ]) {
    await cal.setViewportSize(viewport);
    await expect(rounds).toHaveCount(6);
    await noSidewaysScroll(cal);
  }
});

test('a moment link made in a report-link view carries the key: it opens at its moment in a fresh browser, with the notes named for whose they are', async ({
  server,
  person,
}) => {
  const seeded = await seedLoop(server.url);
  const ivy = await person();
  await seatIn(ivy, seeded.roomId, seeded.ivySecret);
  await ivy.goto(`/r/${seeded.roomId}/report`);
  // In her own view the notes are hers.
  await expect(roundSection(ivy, 2).getByRole('heading', { name: 'Your private notes' })).toBeVisible();
  await ivy.getByRole('button', { name: 'Copy report link' }).click();
  const reportLink = await reportLinkOnClipboard(ivy);

  // A coach opens the report link: a browser with no seat in the room.
  const coach = await person();
  await coach.goto(reportLink);
  const replay = coach.getByRole('region', { name: 'Replay of round 2' });
  await expect(replay.getByRole('heading', { name: "Ivy's private notes" })).toBeVisible();
  await expect(coach.getByText('Your private notes')).toHaveCount(0);
  await expect(replay.getByRole('region', { name: 'Private notes at this moment' })).toBeVisible();
  const slider = replay.getByRole('slider', { name: 'Replay position' });
  await slider.focus();
  await coach.keyboard.press('End');
  await replay.getByRole('button', { name: 'Copy link to this moment' }).click();
  // The clipboard is written asynchronously: read it once the page says it is done.
  await expect(replay.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  const moment = await coach.evaluate(() => navigator.clipboard.readText());
  expect(moment).toMatch(/\/report\?round=2&t=\d+#key=rk\./);

  // Someone else opens the moment link: the report opens there, at round 2's moment.
  const friend = await person();
  await friend.goto(moment);
  await expect(friend.getByRole('heading', { name: 'Interview report' })).toBeVisible();
  const linked = friend.getByRole('region', { name: 'Replay of round 2' });
  await expect(linked.getByRole('region', { name: 'Private notes at this moment' })).toContainText(
    SEED_PRIVATE_NOTE,
  );
  await expect(linked).toBeInViewport();
});
