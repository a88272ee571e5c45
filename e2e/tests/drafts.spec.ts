import type { Locator } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { expectConnected, ivyAndCal, rateAll } from '../support/room.js';

/** Every criterion group of a feedback form has `score` checked. */
async function expectRated(form: Locator, score: string): Promise<void> {
  const groups = form.getByRole('group');
  // The form renders after the room state (and the interviewer's console after its chunk): wait.
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const option = groups.nth(i).getByLabel(score, { exact: true });
    if (await option.count()) await expect(option).toBeChecked();
  }
}

test('feedback drafts last: a refresh, a server restart and the next round keep every pick until it is sent', async ({
  person,
  server,
}) => {
  const { ivy, cal, panel } = await ivyAndCal(person);
  await panel.getByRole('button', { name: 'Pick Can every show be watched in order?' }).click();
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(cal.getByRole('heading', { name: 'Can every show be watched in order?' })).toBeVisible();
  await ivy.getByRole('button', { name: 'End interview' }).click();
  await ivy.getByRole('button', { name: 'End now' }).click();

  // Half-written on both sides.
  const scorecard = ivy.getByRole('form', { name: 'Scorecard' });
  await rateAll(scorecard, '3');
  await scorecard.getByLabel('What went well').fill('DRAFT_NOTE traced the cycle case');
  const selfForm = cal.getByRole('form', { name: 'Self-assessment' });
  await rateAll(selfForm, '2');
  await selfForm.getByLabel('Anything else for Ivy?').fill('DRAFT_SELF more examples please');

  // A refresh and a server restart lose nothing.
  await ivy.reload();
  await expectConnected(ivy);
  await expectRated(scorecard, '3');
  await expect(scorecard.getByLabel('What went well')).toHaveValue('DRAFT_NOTE traced the cycle case');
  await server.kill();
  await server.restart();
  await expectConnected(ivy);
  await expectConnected(cal);
  await expectRated(selfForm, '2');
  await expect(selfForm.getByLabel('Anything else for Ivy?')).toHaveValue('DRAFT_SELF more examples please');

  // Ivy sends hers and starts round 2; Cal's half-written form waits for him among earlier rounds.
  await scorecard.getByLabel('Overall recommendation').selectOption({ label: 'Yes' });
  await scorecard.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(ivy.getByText('Thanks, your feedback is in.')).toBeVisible();
  // Cal has not sent his: starting the next round asks first.
  const next = ivy.getByRole('region', { name: 'Next round' });
  await next.getByRole('button', { name: 'Start round 2' }).click();
  await expect(next.getByRole('alertdialog', { name: 'Start round 2' })).toContainText(
    'Cal has not sent a self-assessment of round 1 yet',
  );
  await next.getByRole('button', { name: 'Start round 2 anyway' }).click();
  await expect(cal.getByRole('banner').getByText('Round 2 · Coding', { exact: true })).toBeVisible();
  const owed = cal.getByRole('region', { name: 'Feedback for earlier rounds' });
  await owed.getByRole('button', { name: 'Assess round 1' }).click();
  const earlier = owed.getByRole('form', { name: 'Self-assessment' });
  await expectRated(earlier, '2');
  await expect(earlier.getByLabel('Anything else for Ivy?')).toHaveValue('DRAFT_SELF more examples please');
  await earlier.getByRole('group', { name: 'How clear was Ivy?' }).getByLabel('4', { exact: true }).check();
  await earlier.getByRole('group', { name: 'How helpful was Ivy?' }).getByLabel('5', { exact: true }).check();
  await earlier.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(owed.getByRole('status')).toContainText('Thanks, your feedback for round 1 is in.');

  // Sent drafts are gone from the browser.
  const left = await cal.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('mockloop:draft:')),
  );
  expect(left).toEqual([]);
});
