// What the benchmarks that drive Chromium share: a real server on its embedded defaults, the
// browser as the tests launch it, and the median.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The flags the end-to-end tests launch Chromium with. */
const BROWSER_ARGS = JSON.parse(fs.readFileSync(path.join(root, 'e2e/chromium-args.json'), 'utf8'));

/**
 * The built server (server/dist/main.js) on port 0 with its own data directory; of another built
 * checkout when `checkout` names one (the runner benchmark compares two builds).
 */
export function startServer(dataDir, env = {}, checkout = root) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(checkout, 'server/dist/main.js')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const port = /running at http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
      if (port) resolve({ proc, url: `http://127.0.0.1:${port}` });
    });
    proc.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

/** Debian's Chromium with the flags the end-to-end tests use, plus `extraArgs`. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...BROWSER_ARGS, ...extraArgs],
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Replaces the shared editor's text, typed as a person pastes it. */
export async function setCode(page, code) {
  await page.getByLabel('Code editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** Clicks a run button and returns the run's duration as the runner measured it (ms). */
export async function timedRun(page, button, expectRuns) {
  await page.getByRole('button', { name: button }).click();
  const runs = page.getByRole('region', { name: 'Output' }).locator('.run');
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[aria-label="Output"] article.run, [aria-label="Output"] details .run')
        .length >= n,
    expectRuns,
    { timeout: 120_000 },
  );
  const header = (await runs.first().locator('.run-header').textContent()) ?? '';
  // "ready in 1.9 s · ran in 15 ms" or "ran in 15 ms": the click-to-done time is both together.
  const times = /(?:ready in ([\d.]+) (ms|s) · )?ran in ([\d.]+) (ms|s) ·/.exec(header);
  if (!times || !/finished|tests passed/.test(header)) throw new Error(`unexpected run: ${header}`);
  const ms = (value, unit) => (value === undefined ? 0 : Number(value) * (unit === 's' ? 1000 : 1));
  return ms(times[1], times[2]) + ms(times[3], times[4]);
}
