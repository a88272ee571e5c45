import { drag, inkIn, openBoard, pickTool } from '../support/board.js';
import { captureTraffic } from '../support/capture.js';
import { expect, test } from '../support/fixtures.js';
import { assessYourself, simulateFrom, transcriptOf } from '../support/simulation.js';

// One simulated minute is 600 ms: the 45-minute design question (Clarify 5, High-level design 20,
// Deep dive 15, Wrap-up 5) takes 27 s, time enough to draw while it runs.
test.use({ serverEnv: { SIM_MINUTE_MS: '600' } });
// Whole rounds with the board: slow when the machine is busy.
test.setTimeout(240_000);

const DESIGN = 'ML architecture for the personalized homepage';
/** Private until the self-assessment: a red flag, and the answer outline in the guidance. */
const RED_FLAG = 'Draws boxes without explaining what flows between them.';
const OUTLINE = 'A strong design in outline';
/**
 * Where Cal draws, in canvas coordinates: clear of Excalidraw's toolbars and of the question's
 * pane, which lies over the canvas's left part.
 */
const RECT = { x: 460, y: 280, width: 230, height: 130 };

test('P-SIM-1..5: alone on a Netflix system-design question: intro, reveal, the board, phases, a follow-up, a hint on request, then the self-assessment and the brief', async ({
  person,
}, testInfo) => {
  const cal = await person();
  const traffic = captureTraffic(cal);
  await simulateFrom(
    cal,
    '/tracks/netflix-mle/questions/netflix-mle-homepage-personalization',
    'Simulate alone',
  );

  const transcript = transcriptOf(cal);
  await expect(transcript).toContainText("Hi, I'm The Standard Interviewer");
  await expect(transcript).toContainText(`Here is the question: ${DESIGN}`);
  await expect(transcript).toContainText('Clarify (5 min), High-level design (20 min), Deep dive (15 min)');
  await expect(cal.getByRole('heading', { name: DESIGN })).toBeVisible();

  // A system-design round opens on the board; the candidate draws their first box.
  await expect(cal.getByRole('tab', { name: 'Whiteboard' })).toHaveAttribute('aria-selected', 'true');
  await openBoard(cal);
  await pickTool(cal, 'r');
  await drag(cal, [RECT.x, RECT.y], [RECT.x + RECT.width, RECT.y + RECT.height]);
  await expect.poll(() => inkIn(cal, RECT), { message: "Cal's rectangle on the board" }).toBeGreaterThan(200);

  // A hint only when asked, the gentlest first.
  await cal.getByRole('button', { name: "I'm stuck" }).click();
  await expect(transcript).toContainText('A hint: Before any boxes, what is the homepage trying to achieve');

  // The phases move on the clock, and a follow-up comes with its phase.
  await expect(transcript).toContainText("Let's leave that there and move on to High-level design.");
  await expect(transcript).toContainText('Titles in the first row and first columns get played more');
  await expect(transcript).toContainText("Let's leave that there and move on to Deep dive.");
  await cal.screenshot({ path: testInfo.outputPath('simulate-design-round.png') });

  // Time is up: the self-assessment first, the brief after it.
  await expect(transcript).toContainText("That's time", { timeout: 60_000 });
  await expect(cal.getByText('It opens once you have submitted your self-assessment.')).toBeVisible();
  expect(await traffic.text()).not.toContain(RED_FLAG);
  expect(await traffic.text()).not.toContain(OUTLINE);
  await assessYourself(cal);

  const brief = cal.getByRole('region', { name: "The interviewer's brief" });
  await expect(brief).toContainText(OUTLINE);
  await expect(brief.getByRole('heading', { name: 'Red flags' })).toBeVisible();
  await expect(brief).toContainText(RED_FLAG);
  await expect(brief.getByRole('heading', { name: 'What each score means' })).toBeVisible();
  // The drawing is still there beside the brief.
  expect(await inkIn(cal, RECT)).toBeGreaterThan(200);
  // A single question is no loop: nothing comes next.
  await expect(cal.getByRole('button', { name: /^Next round/ })).toHaveCount(0);
  await cal.screenshot({ path: testInfo.outputPath('simulate-design-brief.png') });
});

test('P-SIM-6: the loop simulated round by round: after round 1 the brief, then "Next round" starts the plan\'s second stage', async ({
  person,
}) => {
  const cal = await person();
  await simulateFrom(cal, '/tracks/netflix-mle', 'Simulate the loop');
  const transcript = transcriptOf(cal);
  // Round 1 is the plan's first stage: the recruiter screen, run by the simulated interviewer.
  await expect(transcript).toContainText('starting with the Recruiter screen');
  await expect(transcript).toContainText('Here is the question:');

  await expect(transcript).toContainText("That's time", { timeout: 60_000 });
  // No next round before the self-assessment.
  await expect(cal.getByRole('button', { name: /^Next round/ })).toHaveCount(0);
  await assessYourself(cal);
  const brief = cal.getByRole('region', { name: "The interviewer's brief" });
  await expect(brief.getByRole('heading', { name: 'Red flags' })).toBeVisible();

  await cal.getByRole('button', { name: 'Next round: Coding' }).click();
  // Round 2: the plan's second stage, introduced by the same interviewer, with its own question.
  await expect(transcript).toContainText("Next round: Coding (2 of 5). It's The Standard Interviewer again");
  await expect(transcript).toContainText('Here is the question:');
  await expect(transcript).not.toContainText('starting with the Recruiter screen');
  await expect(cal.getByRole('region', { name: "The interviewer's brief" })).toHaveCount(0);
  await expect(cal.getByRole('button', { name: "I'm stuck" })).toBeEnabled();
});
