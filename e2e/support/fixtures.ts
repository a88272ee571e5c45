import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { type ServerProcess, startServerProcess } from '../../server/test/support/serverProcess.js';

export interface Fixtures {
  /** Extra environment for the server process (e.g. QUESTIONS_DIR); set with test.use(). */
  serverEnv: Record<string, string>;
  /** A real server process (npm start's entry point) on port 0 with its own data directory. */
  server: ServerProcess;
  /** Opens a new browser context (a different person) with clipboard access. */
  person: (name?: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  serverEnv: [{}, { option: true }],
  server: async ({ serverEnv }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-e2e-'));
    const server = await startServerProcess(dataDir, serverEnv);
    await use(server);
    await server.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  person: async ({ browser, server }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await newContext(browser, server.url);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  return context;
}

export { expect };
