import type { Locator, Page } from '@playwright/test';
import type { ServerProcess } from '../../server/test/support/serverProcess.js';
import { switchableControl } from '../support/controlLink.js';
import { expect, test } from '../support/fixtures.js';
import { expectConnected, fillSelfAssessment, ivyAndCal, rateAll, seatIvyAndCal } from '../support/room.js';

const QUESTION = 'Can every show be watched in order?';

/** The server goes down; `act` clicks while it is; the server comes back and both pages re-join. */
async function duringOutage(server: ServerProcess, pages: Page[], act: () => Promise<void>) {
  await server.kill();
  for (const page of pages)
    await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await act();
  await server.restart();
  for (const page of pages) await expectConnected(page);
}

/** Ivy picks the question and reveals it; Cal sees it. */
async function pickAndReveal(panel: Locator, cal: Page) {
  await panel.getByRole('button', { name: `Pick ${QUESTION}` }).click();
  await panel.getByRole('button', { name: 'Reveal question', exact: true }).click();
  await expect(cal.getByRole('heading', { name: QUESTION })).toBeVisible();
}

/** Nothing on screen says an action failed or waits: every click of the outage went. */
async function expectNothingOwed(page: Page) {
  await expect(page.getByText(/nothing was sent|not sent|try again|Waiting to send/i)).toHaveCount(0);
}

test('controls clicked during an outage are sent once the server is back: pick, language, timer, reveal, hint, a swap and its answer', async ({
  server,
  person,
}) => {
  const { ivy, cal, panel } = await ivyAndCal(person);
  const both = [ivy, cal];

  // Pick a question, change the language, start the clock.
  await duringOutage(server, both, async () => {
    await panel.getByRole('button', { name: `Pick ${QUESTION}` }).click();
    await ivy.getByLabel('Language').selectOption({ label: 'JavaScript' });
    await ivy.getByRole('button', { name: 'Start timer' }).click();
    // The banner names what waits, so "sent then" can be checked by the person.
    await expect(ivy.getByRole('alert').filter({ hasText: 'Connection lost' })).toContainText(
      'Waiting to send: the question you picked, the language and the timer.',
    );
  });
  await expect(panel.getByRole('button', { name: 'Reveal question', exact: true })).toBeVisible();
  await expect(cal.getByLabel('Language')).toHaveValue('javascript');
  await expect(cal.getByRole('timer', { name: 'Time remaining' })).not.toHaveText('45:00');
  await expectNothingOwed(ivy);

  // Reveal the question; then a hint, while Cal proposes a swap.
  await duringOutage(server, both, () =>
    panel.getByRole('button', { name: 'Reveal question', exact: true }).click(),
  );
  await expect(cal.getByRole('heading', { name: QUESTION })).toBeVisible();
  await duringOutage(server, both, async () => {
    await panel.getByRole('button', { name: 'Reveal hint' }).click();
    await cal.getByRole('button', { name: 'Swap roles' }).click();
    await cal.getByRole('button', { name: 'Swap now' }).click();
  });
  await expect(cal.getByText('Hint 1 revealed')).toBeVisible();
  await expect(panel.getByText('1/4 hints shown')).toBeVisible();
  const proposal = ivy.getByRole('alertdialog', { name: 'Role swap proposed' });
  await expect(proposal).toBeVisible();
  // Ivy's answer to it, during another outage.
  await duringOutage(server, both, () => proposal.getByRole('button', { name: 'Decline' }).click());
  await expect(cal.getByRole('button', { name: 'Swap roles' })).toBeEnabled();
  await expect(proposal).toHaveCount(0);
  await expectNothingOwed(ivy);
  await expectNothingOwed(cal);
});

test('the end of a round, both forms of feedback and the next round, clicked during outages, are sent once the server is back', async ({
  server,
  person,
}) => {
  const { ivy, cal, panel } = await ivyAndCal(person);
  const both = [ivy, cal];
  await pickAndReveal(panel, cal);

  await duringOutage(server, both, async () => {
    await ivy.getByRole('button', { name: 'End interview' }).click();
    await ivy.getByRole('button', { name: 'End now' }).click();
  });
  await expect(cal.getByRole('heading', { name: 'Round 1 ended' })).toBeVisible();
  const scorecard = ivy.getByRole('form', { name: 'Scorecard' });
  const selfForm = cal.getByRole('form', { name: 'Self-assessment' });
  await rateAll(scorecard, '3');
  await scorecard.getByLabel('Overall recommendation').selectOption({ label: 'Yes' });
  await fillSelfAssessment(selfForm, '2', '4');
  await duringOutage(server, both, async () => {
    await scorecard.getByRole('button', { name: 'Submit feedback' }).click();
    await selfForm.getByRole('button', { name: 'Submit feedback' }).click();
  });
  await expect(ivy.getByText('Thanks, your feedback is in.')).toBeVisible();
  await expect(cal.getByText('Thanks, your feedback is in.')).toBeVisible();
  await duringOutage(server, both, () =>
    ivy.getByRole('region', { name: 'Next round' }).getByRole('button', { name: 'Start round 2' }).click(),
  );
  await expect(cal.getByText('Round 2 · Coding', { exact: true })).toBeVisible();
  await expectNothingOwed(ivy);
  await expectNothingOwed(cal);
});

test('one person offline: the view for everyone goes when she is back; an action whose round ended meanwhile is not sent, says so, and the message goes', async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  const ivyLink = await switchableControl(ivy);
  const { panel } = await seatIvyAndCal(ivy, cal);
  await pickAndReveal(panel, cal);

  // Ivy's network drops; she brings everyone to the shared notes: it goes when she is back (a
  // view is not stored, so only who is connected then is brought: Cal is).
  await ivyLink.cut();
  await expect(ivy.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await ivy.getByRole('tab', { name: 'Shared notes' }).click();
  await ivy.getByRole('button', { name: 'Bring everyone here' }).click();
  await expect(ivy.getByRole('alert').filter({ hasText: 'Connection lost' })).toContainText(
    'Waiting to send: the view for everyone.',
  );
  await ivyLink.restore();
  await expectConnected(ivy);
  await expect(cal.getByRole('tab', { name: 'Shared notes' })).toHaveAttribute('aria-selected', 'true');
  await ivy.getByRole('tab', { name: 'Code' }).click();

  // Again; she asks for a hint and starts the clock. Meanwhile Cal ends the round.
  await ivyLink.cut();
  await expect(ivy.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await panel.getByRole('button', { name: 'Reveal hint' }).click();
  await ivy.getByRole('button', { name: 'Start timer' }).click();
  await expect(ivy.getByRole('alert').filter({ hasText: 'Connection lost' })).toContainText(
    'Waiting to send: the hint and the timer.',
  );
  await cal.getByRole('button', { name: 'End interview' }).click();
  await cal.getByRole('button', { name: 'End now' }).click();
  await expect(cal.getByRole('heading', { name: 'Round 1 ended' })).toBeVisible();

  // Back online: neither goes to the ended round's successor, and the room says so once.
  await ivyLink.restore();
  await expectConnected(ivy);
  await expect(ivy.getByRole('heading', { name: 'Round 1 ended' })).toBeVisible();
  const notice = ivy.getByRole('status').filter({ hasText: 'Not sent' });
  await expect(notice).toContainText('the hint');
  await expect(notice).toContainText('the timer');
  await expect(cal.getByText('Hint 1 revealed')).toHaveCount(0);
  await expect(ivy.getByRole('timer', { name: 'Time remaining' })).toHaveText('45:00');
  // Nothing under the controls claims a failure of the round that is over.
  await expect(ivy.getByText(/try again/i)).toHaveCount(0);
  await notice.getByRole('button', { name: 'OK' }).click();
  await expect(ivy.getByText(/not sent/i)).toHaveCount(0);
});
