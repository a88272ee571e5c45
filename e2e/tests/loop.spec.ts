import type { Page } from '@playwright/test';
import { violations } from '../support/axe.js';
import { expect, test } from '../support/fixtures.js';
import { expectConnected, joinFromInvite, rateAll, typeAtEnd } from '../support/room.js';

async function endRound(page: Page) {
  await page.getByRole('button', { name: 'End interview' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
}

/** The interviewer reveals the question the loop picked for the round; the candidate sees it. */
async function revealPlanned(interviewer: Page, candidate: Page) {
  const panel = interviewer.getByRole('region', { name: 'Interviewer panel' });
  const title = (await panel.locator('.question-title').textContent())?.trim() ?? '';
  expect(title).not.toBe('');
  await panel.getByRole('button', { name: 'Reveal question', exact: true }).click();
  await expect(candidate.getByRole('heading', { name: title })).toBeVisible();
  return title;
}

async function score(page: Page) {
  const scorecard = page.getByRole('form', { name: 'Scorecard' });
  await rateAll(scorecard, '3');
  await scorecard.getByLabel('Overall recommendation').selectOption({ label: 'Yes' });
  await scorecard.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(page.getByText('Thanks, your feedback is in.')).toBeVisible();
}

test('a loop from the track page: a screen, then a coding and a system design round with Next round, then the report with the loop summary', async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  await ivy.goto('/tracks/netflix-mle');
  await ivy.getByLabel('Your name').fill('Ivy');
  await ivy.getByRole('button', { name: 'Practise this loop' }).click();
  await ivy.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await expectConnected(ivy);
  const roomUrl = ivy.url();
  await joinFromInvite(cal, roomUrl, 'Cal');

  // Round 1, the recruiter screen: shared notes, and the screen guide for the interviewer alone.
  const loop = cal.getByRole('navigation', { name: 'Loop plan' });
  await expect(loop).toContainText('Stage 1 of 5');
  await expect(loop.locator('[aria-current="step"]')).toContainText('Recruiter screen');
  await expect(cal.getByRole('tab', { name: 'Shared notes' })).toHaveAttribute('aria-selected', 'true');
  await expect(ivy.getByRole('region', { name: 'Recruiter screen guide' })).toContainText('Candid feedback');
  await expect(cal.getByRole('region', { name: 'Recruiter screen guide' })).toHaveCount(0);
  await endRound(ivy);

  // The break: Cal waits for Ivy, who starts the plan's next round, coding, with the same seats.
  await expect(cal.getByRole('region', { name: 'Next round' })).toContainText('Ivy starts round 2');
  const next = ivy.getByRole('region', { name: 'Next round' });
  await expect(next.getByLabel('Round type')).toHaveValue('coding');
  const found = [
    ...(await violations(ivy, 'break, interviewer')),
    ...(await violations(cal, 'break, candidate')),
  ];
  await next.getByRole('button', { name: 'Start round 2' }).click();
  // Cal has not assessed the screen: Ivy is asked first, and his form stays open in the room.
  await next.getByRole('button', { name: 'Start round 2 anyway' }).click();
  await expect(cal.getByText('Round 2 · Coding', { exact: true })).toBeVisible();
  await expect(loop.locator('[aria-current="step"]')).toContainText('Coding');
  await expect(cal.getByRole('tab', { name: 'Code', exact: true })).toHaveAttribute('aria-selected', 'true');
  const coding = await revealPlanned(ivy, cal);
  await typeAtEnd(cal, '# my loop attempt');
  await endRound(ivy);
  await score(ivy);

  // Round 3: system design, seats swapped. Cal interviews now, on the plan's system design stage.
  await next.getByLabel('Round type').selectOption('system-design');
  await next.getByRole('radio', { name: 'Cal (swap)' }).check();
  await expect(next.getByLabel('Question')).toHaveCount(0); // the next interviewer picks
  await next.getByRole('button', { name: 'Start round 3' }).click();
  await next.getByRole('button', { name: 'Start round 3 anyway' }).click();
  await expect(cal.getByText('You: Interviewer')).toBeVisible();
  await expect(ivy.getByText('You: Candidate')).toBeVisible();
  await expect(loop.locator('[aria-current="step"]')).toContainText('System design');
  await expect(loop).toContainText('Stage 4 of 5'); // the plan's system design stage, taken early
  await expect(ivy.getByRole('tab', { name: 'Whiteboard' })).toHaveAttribute('aria-selected', 'true');
  await expect(ivy.getByRole('region', { name: 'Interviewer panel' })).toHaveCount(0);
  const design = await revealPlanned(cal, ivy);
  await endRound(cal);
  await score(cal);

  // The report: every round in order with its type, and the loop summed up above them.
  await cal.goto(`${roomUrl}/report`);
  await expect(cal.locator('.report-when')).toContainText(
    'Netflix · Machine Learning Engineer loop (3 of 5 stages played)',
  );
  await expect(
    cal.getByRole('heading', { name: 'Round 1 · Recruiter screen: no question revealed' }),
  ).toBeVisible();
  await expect(cal.getByRole('heading', { name: `Round 2 · Coding: ${coding}` })).toBeVisible();
  await expect(cal.getByRole('heading', { name: `Round 3 · System design: ${design}` })).toBeVisible();
  const summary = cal.getByRole('region', { name: 'Scores across the rounds' });
  await expect(summary.getByRole('table', { name: /By round type/ })).toContainText('System design');
  const verdicts = cal.getByRole('list', { name: 'Rounds' }).getByRole('listitem');
  await expect(verdicts).toHaveText([
    /^Round 1 · Recruiter screen Ivy interviewed Cal.*no scorecard$/,
    // Cal was round 2's candidate and has not assessed himself: Ivy's verdict waits for that.
    /^Round 2 · Coding Ivy interviewed Cal.*after your self-assessment$/,
    /^Round 3 · System design Cal interviewed Ivy.*Yes$/,
  ]);
  found.push(...(await violations(cal, 'loop report')));
  expect(found).toEqual([]);
  const download = cal.waitForEvent('download');
  await cal.getByRole('button', { name: 'Export Markdown' }).click();
  const markdown = await (await (await download).createReadStream()).toArray();
  const text = Buffer.concat(markdown).toString('utf8');
  expect(text).toContain('Netflix · Machine Learning Engineer loop');
  expect(text).toMatch(/\| 3 \| System design \| Cal \| Ivy \| .* \| Yes \|/);
});
