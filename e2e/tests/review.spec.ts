import { expect, test } from '../support/fixtures.js';
import { fillSelfAssessment, rateAll } from '../support/room.js';
import { simulateTopK } from '../support/simulation.js';

test.use({ serverEnv: { SIM_MINUTE_MS: '300' } });
// A whole round with the page's editor and the replay: slow when the machine is busy.
test.setTimeout(240_000);

test("P-REVIEW-1..4: a friend's review: the link in a fresh browser, comments at two moments, a scorecard; the candidate sees them; a revoked link is refused", async ({
  person,
}, testInfo) => {
  // A solo round, ended by the candidate, self-assessed.
  const cal = await person();
  await simulateTopK(cal, 'Cal');
  const transcript = cal.getByRole('log', { name: 'Interviewer transcript' });
  await expect(transcript).toContainText('Here is the question');
  await cal.getByRole('button', { name: 'End interview' }).click();
  await cal.getByRole('button', { name: 'End now' }).click();
  const selfForm = cal.getByRole('form', { name: 'Self-assessment' });
  await fillSelfAssessment(selfForm, '2', '3');
  await selfForm.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(cal.getByText('Thanks, your feedback is in.')).toBeVisible();

  // The report: Ask for a review makes a link.
  await cal.goto(`${new URL(cal.url()).pathname}/report`);
  await cal.getByRole('button', { name: 'Ask for a review' }).click();
  const link = await cal.getByLabel('Review link').inputValue();
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{22}\/review#key=rv\./);

  // A friend, in a fresh browser: the replay, two comments at two moments, the scorecard.
  const fay = await person();
  await fay.goto(link);
  await expect(fay.getByRole('heading', { level: 1 })).toContainText("Review of Cal's round: Top K trending");
  const slider = fay.getByRole('slider', { name: 'Replay position' });
  await expect(slider).toBeVisible();
  await fay.getByLabel('Your name').fill('Fay');
  await slider.press('Home');
  await fay.getByLabel('Comment', { exact: true }).fill('Good start: you restated the problem');
  await fay.getByRole('button', { name: /^Comment at 0:00$/ }).click();
  const comments = fay.getByRole('list', { name: 'Comments on the timeline' }).getByRole('listitem');
  await expect(comments).toHaveCount(1);
  await slider.press('End');
  await expect(fay.getByRole('button', { name: /^Comment at / })).not.toHaveText('Comment at 0:00');
  await fay.getByLabel('Comment', { exact: true }).fill('Ended early: keep going next time');
  await fay.getByRole('button', { name: /^Comment at / }).click();
  await expect(comments).toHaveCount(2);
  // Each comment is a marker on the replay's timeline too, at its moment.
  const fayMoments = fay.getByRole('list', { name: 'Moments' });
  await expect(fayMoments.getByRole('button', { name: /^Comment by Fay at / })).toHaveCount(2);
  await expect(fayMoments.getByRole('button', { name: 'Comment by Fay at 0:00' })).toBeVisible();
  const scorecard = fay.getByRole('form', { name: 'Scorecard' });
  await rateAll(scorecard, '3');
  await scorecard.getByLabel('Overall recommendation').selectOption({ label: 'Yes' });
  await scorecard.getByLabel('What went well').fill('REVIEW_NOTE clear contract');
  await scorecard.getByLabel('What to improve').fill('Use the whole time');
  await scorecard.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(fay.getByText('The scorecard is in. Thank you.')).toBeVisible();

  // The candidate sees the comments and the scorecard beside their self-assessment.
  await cal.reload();
  const theirs = cal.getByRole('list', { name: 'Review comments on round 1' }).getByRole('listitem');
  await expect(theirs).toHaveCount(2);
  await expect(theirs.first()).toContainText('0:00 Good start: you restated the problem (Fay)');
  // And on the round's replay in the report, where a click jumps to the moment.
  const calMoments = cal.getByRole('list', { name: 'Moments' });
  await expect(calMoments.getByRole('button', { name: /^Comment by Fay at / })).toHaveCount(2);
  await expect(cal.getByText('REVIEW_NOTE clear contract')).toBeVisible();
  await cal
    .getByRole('region', { name: "A friend's review" })
    .screenshot({ path: testInfo.outputPath('report-review.png') });
  await fay.screenshot({ path: testInfo.outputPath('review-page.png') });

  // Revoked: the link opens nothing any more.
  await cal.getByRole('button', { name: 'Revoke this link' }).click();
  await expect(cal.getByText('This link was revoked.')).toBeVisible();
  await fay.reload();
  await expect(fay.getByRole('heading', { name: 'The review could not be opened' })).toBeVisible();
});
