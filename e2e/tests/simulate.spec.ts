import { captureTraffic } from '../support/capture.js';
import { expect, test } from '../support/fixtures.js';
import { fillSelfAssessment } from '../support/room.js';
import { simulateTopK } from '../support/simulation.js';

// One simulated minute is 300 ms: the 45-minute question (Clarify 5, Approach 8, Code 20, Test 8,
// Wrap-up 4) takes 13.5 s.
test.use({ serverEnv: { SIM_MINUTE_MS: '300' } });
// A whole round with the page's editor and the replay: slow when the machine is busy.
test.setTimeout(240_000);

const TOP_K = 'Top K trending movies in the last hour';
/** Private to the interviewer until the self-assessment: a red flag and the last follow-up. */
const RED_FLAG = 'Sorts every movie on every incoming watch';
const LAST_FOLLOW_UP = 'Phones send events late';

test('P-SIM-1..5: alone with a simulated interviewer: intro, reveal, phases, a follow-up, a hint on request, the brief only after the self-assessment', async ({
  person,
}, testInfo) => {
  const cal = await person();
  const traffic = captureTraffic(cal);
  await simulateTopK(cal, 'Cal');

  const transcript = cal.getByRole('log', { name: 'Interviewer transcript' });
  // The intro from the persona, the question revealed, the phases with their minutes.
  await expect(transcript).toContainText("Hi, I'm The Standard Interviewer");
  await expect(transcript).toContainText(`Here is the question: ${TOP_K}`);
  await expect(transcript).toContainText('Clarify (5 min), Approach (8 min), Code (20 min)');
  await expect(cal.getByRole('heading', { name: TOP_K })).toBeVisible();
  await expect(cal.getByText('You: Candidate')).toBeVisible();

  // The phases advance on the clock; the current one is marked.
  await expect(transcript).toContainText("Let's leave that there and move on to Approach.");
  await expect(cal.getByRole('list', { name: 'Phases' }).locator('[aria-current="step"]')).not.toHaveText(
    /^Clarify/,
  );

  // A hint only when asked, the gentlest first, and shown with the question as a revealed hint.
  await cal.getByRole('button', { name: "I'm stuck" }).click();
  await expect(transcript).toContainText('A hint: Which watches can you forget forever');

  // A follow-up when its phase comes.
  await expect(transcript).toContainText('Events now arrive at a few million per second');
  await cal.screenshot({ path: testInfo.outputPath('simulate-round.png') });

  // Time is up: the round ends and the self-assessment opens; the brief waits for it.
  await expect(transcript).toContainText("That's time", { timeout: 30_000 });
  const selfForm = cal.getByRole('form', { name: 'Self-assessment' });
  await expect(selfForm).toBeVisible();
  await expect(cal.getByText('It opens once you have submitted your self-assessment.')).toBeVisible();
  await expect(cal.getByRole('button', { name: 'Run hidden tests' })).toHaveCount(0);
  await expect(transcript).toContainText(LAST_FOLLOW_UP);
  // Nothing private that was not said aloud reached this browser before the self-assessment.
  expect(await traffic.text()).not.toContain(RED_FLAG);

  await fillSelfAssessment(selfForm, '3', '4');
  await selfForm.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(cal.getByText('Thanks, your feedback is in.')).toBeVisible();

  const brief = cal.getByRole('region', { name: "The interviewer's brief" });
  await expect(brief.getByRole('heading', { name: 'Red flags' })).toBeVisible();
  await expect(brief).toContainText(RED_FLAG);
  await expect(brief.getByRole('heading', { name: 'What each score means' })).toBeVisible();
  await expect(brief.getByRole('heading', { name: 'Reference solution' })).toBeVisible();
  // Python runs in the browser: the hidden tests are the candidate's to run now, not before.
  await expect(cal.getByRole('button', { name: 'Run hidden tests' })).toBeVisible();
  await cal.screenshot({ path: testInfo.outputPath('simulate-brief.png') });
});
