import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium, type TestInfo } from '@playwright/test';

/** Real speech for Chromium's fake microphone, made now by espeak-ng (scripts/ensure-chromium.sh). */
export function speechWav(path: string, text: string): string {
  execFileSync('espeak-ng', ['-s', '150', '-w', path, text]);
  return path;
}

/** A WAV of silence (16-bit mono PCM at 16 kHz): a microphone that hears nothing. */
export function silentWav(path: string, seconds: number): string {
  const rate = 16_000;
  const data = rate * seconds * 2;
  const wav = Buffer.alloc(44 + data);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + data, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28); // bytes a second
  wav.writeUInt16LE(2, 32); // bytes a frame
  wav.writeUInt16LE(16, 34); // bits a sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(data, 40);
  fs.writeFileSync(path, wav);
  return path;
}

/**
 * A browser of its own whose microphone plays `wav` (in a loop), and a context on the test's
 * server with the microphone allowed. Close the browser when done.
 */
export async function browserWithMicrophone(
  testInfo: TestInfo,
  serverUrl: string,
  wav: string,
): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: testInfo.project.use.launchOptions?.executablePath,
    args: [
      ...(testInfo.project.use.launchOptions?.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const context = await browser.newContext({ baseURL: serverUrl });
  await context.grantPermissions(['microphone'], { origin: serverUrl });
  return { browser, context };
}

/** A solo room on a question, made as the Simulate button makes it, its secret where the page keeps it. */
export async function soloRoom(context: BrowserContext, questionId: string, name: string): Promise<string> {
  const made = await context.request.post('/api/simulations', {
    data: { trackId: 'netflix-mle', questionId, name },
  });
  if (made.status() !== 201) throw new Error(`POST /api/simulations: ${made.status()}`);
  const { roomId, secret } = (await made.json()) as { roomId: string; secret: string };
  await context.addInitScript((kept) => localStorage.setItem(kept.key, kept.value), {
    key: `mockloop:secret:${roomId}`,
    value: secret,
  });
  return roomId;
}
