import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { type ServerProcess, startServerProcess } from '../../server/test/support/serverProcess.js';

/** A Content-Security-Policy violation, as Chromium reports it on a page's console. */
export interface CspViolation {
  text: string;
  /** The document or worker script it happened in. */
  url: string;
}

export interface Fixtures {
  /** Extra environment for the server process (e.g. QUESTIONS_DIR); set with test.use(). */
  serverEnv: Record<string, string>;
  /**
   * Every CSP violation a person's pages reported (Chromium logs them on the console; a worker's
   * do not reach it). Any one fails the test: the app must work under its own policy.
   */
  cspViolations: CspViolation[];
  /** A real server process (npm start's entry point) on port 0 with its own data directory. */
  server: ServerProcess;
  /** Opens a new browser context (a different person) with clipboard access. */
  person: (name?: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  serverEnv: [{}, { option: true }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none.
  cspViolations: async ({}, use) => {
    const violations: CspViolation[] = [];
    await use(violations);
    if (violations.length > 0) {
      throw new Error(
        `The browser refused something under the CSP:\n${violations.map((v) => `${v.url}: ${v.text}`).join('\n')}`,
      );
    }
  },
  server: async ({ serverEnv }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-e2e-'));
    const server = await startServerProcess(dataDir, serverEnv);
    await use(server);
    await server.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  person: async ({ browser, server, cspViolations }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await newContext(browser, server.url);
      context.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) {
          cspViolations.push({ text: message.text(), url: message.location().url });
        }
      });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  // As a person clicking Allow would. Playwright's grants replace the browser's own answers: left
  // out, camera and microphone count as not granted, and Chromium then hides a call's host
  // addresses behind mDNS names.
  await context.grantPermissions(['clipboard-read', 'clipboard-write', 'camera', 'microphone'], {
    origin: baseURL,
  });
  return context;
}

export { expect };
