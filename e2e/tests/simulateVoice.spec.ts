import type { Browser, Page } from '@playwright/test';
import { browserWithMicrophone, silentWav, soloRoom, speechWav } from '../support/fakeMicrophone.js';
import { expect, test } from '../support/fixtures.js';
import { expectConnected } from '../support/room.js';
import { transcriptOf } from '../support/simulation.js';

// A simulated minute of 8 s: longer than the 5 s between the page's reports of speech, so a voice
// that goes on is heard as going on.
test.use({ serverEnv: { SIM_MINUTE_MS: '8000' } });
test.setTimeout(120_000);

const NUDGE = "Talk me through what you're weighing right now.";
const SPEECH =
  'So the window is one hour. I keep a count per movie, and a heap of the top K; ' +
  'when an event leaves the window I take one off its count.';

/** A candidate alone on the Top K question whose microphone hears `wav`, the microphone turned on. */
async function thinkingAloneWith(page: Page, roomId: string): Promise<void> {
  await page.goto(`/r/${roomId}`);
  await expectConnected(page);
  await expect(transcriptOf(page)).toContainText('Here is the question');
  await page.getByRole('button', { name: 'Microphone off' }).click();
  await expect(page.getByRole('button', { name: 'Microphone on' })).toBeVisible();
}

test('P-SIM-4: thinking out loud into the microphone keeps the simulated interviewer from nudging; a silent one is nudged', async ({
  server,
}, testInfo) => {
  const browsers: Browser[] = [];
  try {
    // One candidate talks through the problem (espeak-ng speech, in a loop)...
    const talking = await browserWithMicrophone(
      testInfo,
      server.url,
      speechWav(testInfo.outputPath('speech.wav'), SPEECH),
    );
    browsers.push(talking.browser);
    const talker = await talking.context.newPage();
    await thinkingAloneWith(talker, await soloRoom(talking.context, 'netflix-mle-top-k-trending', 'Tal'));
    // ...the other's microphone is on and hears nothing. Its room starts after the talker's.
    const quiet = await browserWithMicrophone(
      testInfo,
      server.url,
      silentWav(testInfo.outputPath('silence.wav'), 4),
    );
    browsers.push(quiet.browser);
    const silent = await quiet.context.newPage();
    await thinkingAloneWith(silent, await soloRoom(quiet.context, 'netflix-mle-top-k-trending', 'Sam'));

    // A simulated minute of silence brings the nudge (its clock runs on the server).
    await expect(transcriptOf(silent)).toContainText(NUDGE, { timeout: 30_000 });
    // By then the talker's room has run longer than that, with a voice on the microphone: no nudge.
    await expect(transcriptOf(talker)).not.toContainText(NUDGE);
    await talker.screenshot({ path: testInfo.outputPath('talking.png') });
  } finally {
    for (const browser of browsers) await browser.close();
  }
});
