import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (Playwright's own browser downloads are not available
 * here). Each test starts its own server process on port 0, so tests run one at a time.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's Chromium as root, with no background traffic (shared with the benchmarks). */
const BROWSER_ARGS: string[] = JSON.parse(
  fs.readFileSync(new URL('./chromium-args.json', import.meta.url), 'utf8'),
);

export default defineConfig({
  testDir: './tests',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: '.artifacts/results',
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: BROWSER_ARGS },
  },
  projects: [
    { name: 'default', testIgnore: /call\.spec\.ts$/ },
    {
      // The call: fake camera and microphone, permission granted, peer connections on loopback.
      // Run by `npm run test:e2e:call` in a network namespace with only `lo`.
      name: 'call',
      testMatch: /call\.spec\.ts$/,
      use: {
        launchOptions: {
          executablePath,
          args: [
            ...BROWSER_ARGS,
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            '--allow-loopback-in-peer-connection',
            // Host candidates as addresses, not mDNS names: the namespace has no multicast to
            // resolve them.
            '--disable-features=WebRtcHideLocalIpsWithMdns',
            '--autoplay-policy=no-user-gesture-required',
          ],
        },
      },
    },
  ],
});
