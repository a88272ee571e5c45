import type { Browser } from '@playwright/test';
import { browserWithMicrophone, soloRoom, speechWav } from '../support/fakeMicrophone.js';
import { expect, test } from '../support/fixtures.js';
import { expectConnected } from '../support/room.js';

// The simulation is not what this test is about: its clock only needs to leave the round running.
test.use({ serverEnv: { SIM_MINUTE_MS: '3000' } });
test.setTimeout(90_000);

const SPEECH =
  'I would count each movie in a sliding window of one hour, and keep a heap of the top K. ' +
  'Late events go to the bucket of their own minute.';

test('P-AUDIO-1, P-AUDIO-6: the candidate records their voice in a solo round; the replay plays it in step with the timeline', async ({
  server,
}, testInfo) => {
  const wav = speechWav(testInfo.outputPath('speech.wav'), SPEECH);
  let browser: Browser | undefined;
  try {
    const opened = await browserWithMicrophone(testInfo, server.url, wav);
    browser = opened.browser;
    const { context } = opened;
    const refused: string[] = [];
    context.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) refused.push(message.text());
    });
    const cal = await context.newPage();

    // The solo room is made as the Simulate button makes it (simulate.spec.ts walks that page).
    const roomId = await soloRoom(context, 'netflix-mle-top-k-trending', 'Cal');
    await cal.goto(`/r/${roomId}`);
    await expectConnected(cal);
    await expect(cal.getByRole('log', { name: 'Interviewer transcript' })).toContainText(
      'Here is the question',
    );

    // Nothing is recorded before the person says yes.
    const toggle = cal.getByRole('button', { name: 'Record my voice' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const indicator = cal.getByRole('status').filter({ hasText: 'Recording your voice' });
    await expect(indicator).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(indicator).toBeVisible();
    // The first piece is uploaded after its 5 s slice, while the round still runs.
    await expect(cal.getByText(/^[1-9]\d* KiB saved$/)).toBeVisible({ timeout: 20_000 });

    await cal.getByRole('button', { name: 'End interview' }).click();
    await cal.getByRole('button', { name: 'End now' }).click();
    await expect(indicator).toHaveCount(0);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    // The replay: the recording, fetched with the bearer, follows the timeline and its Play.
    const listed = cal.waitForResponse((res) =>
      res.url().endsWith(`/api/rooms/${roomId}/rounds/1/recordings`),
    );
    const info = cal.waitForResponse((res) => res.url().endsWith(`/api/rooms/${roomId}/replay/1`));
    await cal.goto(`/r/${roomId}/report`);
    const { recordings } = (await (await listed).json()) as {
      recordings: Array<{ bytes: number; pieces: number; startedAt: number; lastAt: number }>;
    };
    const { startedAt: roundStart } = (await (await info).json()) as { startedAt: number };
    expect(recordings).toHaveLength(1);
    const [recording] = recordings;
    if (!recording) throw new Error('no recording');
    expect(recording.pieces).toBeGreaterThanOrEqual(2);
    const replay = cal.getByRole('region', { name: 'Replay of round 1' });
    const audio = replay.locator('audio[aria-label="Voice of Cal"]');
    const audioState = () =>
      audio.evaluate((a: HTMLAudioElement) => ({
        time: a.currentTime,
        paused: a.paused,
        duration: a.duration,
      }));
    await expect.poll(async () => (await audioState()).duration).toBeGreaterThan(1);
    const { duration } = await audioState();
    expect(Number.isFinite(duration)).toBe(true);
    expect((await audioState()).time).toBe(0);

    // Its time is the timeline's position less its start: 3 s into the recording, 3 s into the audio.
    const slider = replay.getByRole('slider', { name: 'Replay position' });
    await slider.fill(String(recording.startedAt - roundStart + 3000));
    await expect.poll(async () => Math.abs((await audioState()).time - 3)).toBeLessThan(0.5);
    expect((await audioState()).paused).toBe(true);
    await replay.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await audioState()).time).toBeGreaterThan(4);
    expect((await audioState()).paused).toBe(false);
    await replay.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await audioState()).paused).toBe(true);

    // The figure for the notes: bytes a minute at 32 kbit/s Opus, container included.
    const bytesPerMinute = Math.round((recording.bytes / duration) * 60);
    testInfo.annotations.push({
      type: 'audio size',
      description: `${recording.bytes} bytes for ${duration.toFixed(2)} s: ${bytesPerMinute} bytes a minute`,
    });
    console.log(`audio: ${recording.bytes} bytes, ${duration.toFixed(2)} s, ${bytesPerMinute} bytes/minute`);
    expect(refused).toEqual([]);
  } finally {
    await browser?.close();
  }
});
