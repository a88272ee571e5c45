import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, type AppOptions, createApp } from '../../src/createApp.js';
import { dropSchema, storeOptions } from './pg.js';

/** The repository's own bank; tests that need canaries pass their own questionsDir. */
export const REPO_QUESTIONS = fileURLToPath(new URL('../../../questions', import.meta.url));

export interface TestServer {
  app: App;
  url: string;
  wsUrl: string;
  /** The internal listener (`/internal/rooms`, P-HTTP-2). */
  internalUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the real server in-process on port 0 with a fresh data directory, and a fresh schema
 * when the suite runs on PostgreSQL.
 */
export async function startTestServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-it-'));
  const store = options.store ? {} : storeOptions();
  const app = await createApp({ dataDir, questionsDir: REPO_QUESTIONS, ...store, ...options });
  const port = await app.listen(0, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    internalUrl: `http://127.0.0.1:${app.internalPort()}`,
    dataDir,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (store.databaseSchema) await dropSchema(store.databaseSchema);
    },
  };
}
