import { expect, test } from '../support/fixtures.js';
import { expectConnected, ivyAndCal } from '../support/room.js';

const TITLE = 'ML architecture for the personalized homepage';

test('the interviewer previews the prompt; revealed, it opens for the candidate beside the board, stays open on refresh, and a hint is announced', async ({
  person,
}) => {
  const { cal, panel } = await ivyAndCal(person, 'System design');
  // The board wants width: the question starts folded for the candidate.
  const toggle = cal.getByRole('button', { name: 'Question', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  await panel.getByRole('button', { name: `Pick ${TITLE}` }).click();
  // Ivy reads the prompt before she shows it; Cal sees none of it yet.
  await expect(panel.getByRole('region', { name: 'Prompt preview' })).toContainText(
    'Design the machine learning architecture for the Netflix homepage',
  );
  await expect(cal.getByText('Design the machine learning architecture')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Reveal question' }).click();
  await expect(panel.getByRole('region', { name: 'Prompt preview' })).toHaveCount(0);

  // No click on Cal's side: the question unfolds and the page is taken to it.
  await expect(cal.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(cal.locator('#question-heading')).toBeFocused();

  await cal.reload();
  await expectConnected(cal);
  await expect(cal.getByRole('heading', { name: TITLE })).toBeVisible();

  // Cal folds it to draw; a new hint unfolds it again, with a notice screen readers announce.
  await cal.getByRole('button', { name: 'Question', exact: true }).click();
  await expect(cal.getByRole('heading', { name: TITLE })).toBeHidden();
  await panel.getByRole('button', { name: 'Reveal hint' }).click();
  await expect(cal.getByRole('status').filter({ hasText: 'Hint 1 revealed' })).toBeVisible();
  await expect(cal.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(cal.getByRole('region', { name: 'Revealed hints' })).toBeVisible();
});

test('P-PRIV-1: a coding question in two steps, the prompt to talk through and then its signature and examples', async ({
  person,
}) => {
  const { cal, panel } = await ivyAndCal(person);
  await panel.getByRole('button', { name: 'Pick Can every show be watched in order?' }).click();
  await panel.getByRole('button', { name: 'Reveal the prompt first' }).click();

  const question = cal.getByRole('region', { name: /Question/ }).first();
  await expect(cal.getByRole('heading', { name: 'Can every show be watched in order?' })).toBeVisible();
  await expect(cal.getByText('comes when your interviewer reveals it')).toBeVisible();
  await expect(cal.getByRole('heading', { name: 'Signature' })).toHaveCount(0);
  await expect(cal.getByRole('textbox', { name: 'Code editor' })).not.toContainText('def can_watch_all');

  await panel.getByRole('button', { name: 'Reveal signature and examples' }).click();
  await expect(cal.getByRole('heading', { name: 'Signature' })).toBeVisible();
  await expect(cal.getByRole('textbox', { name: 'Code editor' })).toContainText('def can_watch_all');
  await expect(question).not.toContainText('comes when your interviewer reveals it');
  await expect(panel.getByRole('button', { name: 'Question revealed ✓' })).toBeDisabled();
});
