import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { reportLinkOnClipboard } from '../support/reportLink.js';
import {
  createRoomFromHome,
  editorText,
  expectConnected,
  ivyAndCal,
  joinFromInvite,
  rateAll,
  typeAtEnd,
} from '../support/room.js';

/** Seconds shown by the round timer (m:ss or h:mm:ss). */
async function timerSeconds(page: Page): Promise<number> {
  const text = ((await page.getByRole('timer', { name: 'Time remaining' }).textContent()) ?? '').trim();
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * Two pages count down to one end time: polls until `b`, read between two reads of `a` that show
 * the same second, shows that second too. Then both showed it at one instant, so their end times
 * are less than a second (plus a 250 ms display tick) apart; a page further off never passes. No
 * clock window: a slow machine only takes more polls.
 */
async function expectSameCountdown(a: Page, b: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = await timerSeconds(a);
        const other = await timerSeconds(b);
        const after = await timerSeconds(a);
        return before === after && other === before && before > 0 && before < 45 * 60;
      },
      { message: 'both pages show the same second of the countdown' },
    )
    .toBe(true);
}

test('lobby to room to feedback to report, with a refresh mid-timer', async ({ person }) => {
  const ann = await person();
  const bea = await person();

  await ann.goto('/');
  await ann.getByRole('link', { name: 'Find a practice partner' }).click();
  await ann.getByLabel('Your name').fill('Ann');
  await ann.getByLabel('Round type').selectOption({ label: 'Coding' });
  await ann.getByRole('radio', { name: 'Candidate' }).check();
  await ann.getByRole('button', { name: 'Find a partner' }).click();
  await expect(ann.getByRole('status')).toContainText('#1 in line');

  await bea.goto('/lobby');
  await bea.getByLabel('Your name').fill('Bea');
  await bea.getByRole('radio', { name: 'Either' }).check();
  await bea.getByRole('button', { name: 'Find a partner' }).click();
  await ann.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await bea.waitForURL(ann.url());
  await expectConnected(ann);
  await expectConnected(bea);
  await expect(ann.getByText('You: Candidate')).toBeVisible();
  await expect(bea.getByText('You: Interviewer')).toBeVisible();

  // Bea runs the round: question, clock. The lobby's room follows the track's loop from its
  // coding stage (P-LOBBY-4), with a question drawn: Bea picks another from the bank.
  await expect(
    ann.getByRole('navigation', { name: 'Loop plan' }).locator('[aria-current="step"]'),
  ).toContainText('Coding');
  const panel = bea.getByRole('region', { name: 'Interviewer panel' });
  await panel.getByRole('tab', { name: 'Question bank' }).click();
  await panel.getByRole('button', { name: 'Pick Can every show be watched in order?' }).click();
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(ann.getByRole('heading', { name: 'Can every show be watched in order?' })).toBeVisible();
  await expect(ann.getByRole('timer', { name: 'Time remaining' })).toHaveText('45:00');
  await bea.getByRole('button', { name: 'Start timer' }).click();
  await expect(ann.getByRole('timer', { name: 'Time remaining' })).not.toHaveText('45:00');
  // Both count down to the same end time, and a refresh does not change it.
  await expectSameCountdown(ann, bea);
  await ann.reload();
  await expectConnected(ann);
  await expectSameCountdown(ann, bea);
  await typeAtEnd(ann, '# my attempt');

  // End and feedback.
  await bea.getByRole('button', { name: 'End interview' }).click();
  await bea.getByRole('button', { name: 'End now' }).click();
  const scorecard = bea.getByRole('form', { name: 'Scorecard' });
  await expect(scorecard).toBeVisible();
  await rateAll(scorecard, '3');
  await scorecard.getByLabel('Overall recommendation').selectOption({ label: 'Yes' });
  await scorecard.getByLabel('What went well').fill('SCORECARD_NOTE clear contract');
  await scorecard.getByLabel('What to improve').fill('Test edge cases earlier');
  await scorecard.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(bea.getByText('Thanks, your feedback is in.')).toBeVisible();

  const selfForm = ann.getByRole('form', { name: 'Self-assessment' });
  await expect(selfForm).toBeVisible();
  // Before the self-assessment the report withholds the scorecard.
  const report = await ann.context().newPage();
  await report.goto(`${new URL(ann.url()).pathname}/report`);
  await expect(report.getByText('appears here once you submit your self-assessment')).toBeVisible();
  await expect(report.getByText('SCORECARD_NOTE')).toHaveCount(0);

  await rateAll(selfForm, '2');
  await selfForm.getByRole('group', { name: 'How clear was Bea?' }).getByLabel('4', { exact: true }).check();
  await selfForm
    .getByRole('group', { name: 'How helpful was Bea?' })
    .getByLabel('5', { exact: true })
    .check();
  await selfForm.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(ann.getByText('Thanks, your feedback is in.')).toBeVisible();

  await report.reload();
  await expect(
    report.getByRole('heading', { name: /^Round 1 · .*: Can every show be watched in order\?/ }),
  ).toBeVisible();
  await expect(report.getByText('SCORECARD_NOTE clear contract')).toBeVisible();
  await expect(
    report.getByRole('region', { name: /^Round 1 · / }).getByText('Bea interviewed Ann'),
  ).toBeVisible();
  await expect(report.getByText('# my attempt')).toBeVisible();
  await expect(report.getByText('5/5 for helpfulness', { exact: false })).toBeVisible();
  const download = report.waitForEvent('download');
  await report.getByRole('button', { name: 'Export Markdown' }).click();
  const markdown = fs.readFileSync((await (await download).path()) ?? '', 'utf8');
  expect(markdown).toContain('## Round 1: Can every show be watched in order?');
  expect(markdown).toContain('**Recommendation:** Yes');
});

test('swap roles mid-session: the console moves and round 2 starts fresh', async ({ person }) => {
  const ivy = await person();
  const cal = await person();
  const roomUrl = await createRoomFromHome(ivy, 'Ivy');
  await joinFromInvite(cal, roomUrl, 'Cal');
  await typeAtEnd(ivy, 'round one code');
  await expect.poll(() => editorText(cal)).toBe('round one code');

  await cal.getByRole('button', { name: 'Swap roles' }).click();
  // The round has not ended: the swap says it ends it, and offers to score it first.
  await expect(cal.getByRole('alertdialog', { name: 'Swap roles' })).toContainText('Swapping ends round 1');
  await cal.getByRole('button', { name: 'Swap now' }).click();
  await expect(cal.getByRole('button', { name: 'Swap proposed…' })).toBeDisabled();
  await expect(ivy.getByRole('alertdialog', { name: 'Role swap proposed' })).toContainText(
    'its feedback stays open',
  );
  await ivy.getByRole('button', { name: 'Accept swap' }).click();

  await expect(ivy.getByText('You: Candidate')).toBeVisible();
  await expect(cal.getByText('You: Interviewer')).toBeVisible();
  await expect(ivy.getByRole('banner').getByText('Round 2 · Coding', { exact: true })).toBeVisible();
  await expect(cal.getByRole('region', { name: 'Interviewer panel' })).toBeVisible();
  await expect(ivy.getByRole('region', { name: 'Interviewer panel' })).toHaveCount(0);
  await expectConnected(ivy);
  await expect.poll(() => editorText(ivy)).toBe('');
  await typeAtEnd(ivy, 'round two code');
  await expect.poll(() => editorText(cal)).toBe('round two code');
  const rounds = cal.getByRole('region', { name: 'Rounds', exact: true });
  await expect(rounds).toContainText('Round 1');
  await expect(rounds).toContainText('Ivy interviews Cal');
  await expect(rounds).toContainText('Cal interviews Ivy');
});

test('P-ROUND-4: swap before the end, then score round 1: its feedback stays open to its two people', async ({
  person,
}) => {
  const { ivy, cal, panel } = await ivyAndCal(person);
  await panel.getByRole('button', { name: 'Pick Can every show be watched in order?' }).click();
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(cal.getByRole('heading', { name: 'Can every show be watched in order?' })).toBeVisible();

  // Swapped mid-round, without ending it first.
  await ivy.getByRole('button', { name: 'Swap roles' }).click();
  await ivy.getByRole('button', { name: 'Swap now' }).click();
  await cal.getByRole('button', { name: 'Accept swap' }).click();
  await expect(ivy.getByRole('banner').getByText('Round 2 · Coding', { exact: true })).toBeVisible();

  // Round 2 goes on; round 1's interviewer still scores it, its candidate still assesses it.
  const ivyOwes = ivy.getByRole('region', { name: 'Feedback for earlier rounds' });
  await expect(ivyOwes).toContainText('Round 1 ended without your scorecard');
  await ivyOwes.getByRole('button', { name: 'Score round 1' }).click();
  const scorecard = ivyOwes.getByRole('form', { name: 'Scorecard' });
  await rateAll(scorecard, '3');
  await scorecard.getByLabel('Overall recommendation').selectOption({ label: 'Yes' });
  await scorecard.getByLabel('What went well').fill('ROUND_ONE_NOTE explained the graph');
  await scorecard.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(ivyOwes.getByRole('status')).toContainText('Thanks, your feedback for round 1 is in.');

  const calOwes = cal.getByRole('region', { name: 'Feedback for earlier rounds' });
  await calOwes.getByRole('button', { name: 'Assess round 1' }).click();
  const selfForm = calOwes.getByRole('form', { name: 'Self-assessment' });
  await rateAll(selfForm, '2');
  await selfForm.getByRole('group', { name: 'How clear was Ivy?' }).getByLabel('4', { exact: true }).check();
  await selfForm
    .getByRole('group', { name: 'How helpful was Ivy?' })
    .getByLabel('4', { exact: true })
    .check();
  await selfForm.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(calOwes.getByRole('status')).toContainText('Thanks, your feedback for round 1 is in.');

  const report = await cal.context().newPage();
  await report.goto(`${new URL(cal.url()).pathname}/report`);
  await expect(report.getByText('ROUND_ONE_NOTE explained the graph')).toBeVisible();

  // P-PRIV-6: Cal's report link opens Cal's report, read-only, in a browser with no seat.
  await report.getByRole('button', { name: 'Copy report link' }).click();
  await expect(report.getByRole('button', { name: 'Copy report link' })).toHaveText(/Copied/);
  const link = await reportLinkOnClipboard(report);
  const coach = await person();
  await coach.goto(link);
  await expect(coach.getByRole('heading', { name: 'Interview report' })).toBeVisible();
  await expect(coach.getByText('ROUND_ONE_NOTE explained the graph')).toBeVisible();
  await expect(coach.getByRole('link', { name: 'Back to the room' })).toHaveCount(0);
  // Without the key, that browser gets a page that says why, and a way home.
  await coach.goto(link.replace(/#.*/, ''));
  await expect(coach.getByRole('heading', { name: 'This report is not available here' })).toBeVisible();
  await expect(coach.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
});
