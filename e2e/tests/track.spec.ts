import { violations } from '../support/axe.js';
import { expect, test } from '../support/fixtures.js';
import { expectConnected } from '../support/room.js';

const TOP_K = 'Top K trending movies in the last hour';

test('the track page: one round from the list, a question preview, the lobby prefilled, unknown questions not found', async ({
  person,
}) => {
  const ivy = await person();
  await ivy.goto('/tracks/netflix-mle');

  // The loop plan, round by round, with the type's label and minutes where the plan gives none.
  await expect(ivy.getByRole('list', { name: 'The loop plan' }).getByRole('listitem')).toHaveText([
    'Recruiter screen · 30 min',
    'Coding · 45 min',
    'ML domain · 45 min',
    'System design · 45 min',
    'ML deep dive · 45 min',
  ]);
  const found = await violations(ivy, 'track');

  // No name: the home page's message, and the field to type it in.
  await ivy.getByRole('button', { name: `Practise this round: ${TOP_K}` }).click();
  await expect(ivy.getByRole('alert')).toHaveText('Please enter your name.');
  await expect(ivy.getByLabel('Your name')).toBeFocused();

  // The lobby link asks for the plan's first round on this track.
  await ivy.getByRole('link', { name: 'Find a partner for this track' }).click();
  await ivy.waitForURL(/\/lobby\?track=netflix-mle&roundType=recruiter-screen$/);
  await expect(ivy.getByLabel('Round type')).toHaveValue('recruiter-screen');
  await expect(ivy.getByLabel('Track')).toHaveValue('netflix-mle');
  await ivy.goBack();

  // A question's preview: its public view, and a room with it picked.
  await ivy.getByRole('link', { name: TOP_K }).click();
  await ivy.waitForURL(/\/tracks\/netflix-mle\/questions\/netflix-mle-top-k-trending$/);
  await expect(ivy.getByRole('heading', { level: 1 })).toHaveText(TOP_K);
  // P-SEEN-1: no spoilers; the prompt opens on request, with a warning, and counts as seen.
  await expect(ivy.getByRole('heading', { name: 'Signature' })).toHaveCount(0);
  await expect(ivy.getByText(/spoils the practice/)).toBeVisible();
  await ivy.getByRole('button', { name: 'Show the prompt' }).click();
  await expect(ivy.getByRole('heading', { name: 'Signature' })).toBeVisible();
  expect(await ivy.evaluate(() => JSON.parse(localStorage.getItem('mockloop:seen') ?? '[]'))).toContain(
    'netflix-mle-top-k-trending',
  );
  await expect(ivy).toHaveTitle(new RegExp(`^${TOP_K} · Netflix`));
  found.push(...(await violations(ivy, 'question preview')));
  await ivy.getByLabel('Your name').fill('Ivy');
  await ivy.getByRole('button', { name: 'Practise this round' }).click();
  await ivy.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await expectConnected(ivy);
  await expect(ivy.getByText('Round 1 · Coding', { exact: true })).toBeVisible();
  const panel = ivy.getByRole('region', { name: 'Interviewer panel' });
  await expect(panel.locator('.question-title')).toHaveText(TOP_K);

  // From the list, as the candidate: a behavioural question's round, with the name remembered.
  await ivy.goto('/tracks/netflix-mle');
  await expect(ivy.getByLabel('Your name')).toHaveValue('Ivy');
  await ivy.getByRole('radio', { name: 'Candidate' }).check();
  await ivy
    .getByRole('button', { name: 'Practise this round: Giving hard feedback to someone more senior' })
    .click();
  await ivy.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
  await expectConnected(ivy);
  await expect(ivy.getByText('Round 1 · Behavioral', { exact: true })).toBeVisible();
  await expect(ivy.getByText('You: Candidate')).toBeVisible();

  // A question under another track, or none at all: the not-found page.
  for (const url of [
    '/tracks/netflix-mle/questions/nope',
    '/tracks/other/questions/netflix-mle-top-k-trending',
  ]) {
    await ivy.goto(url);
    await expect(ivy.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
  expect(found).toEqual([]);
});
