import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { FUZZ_RUN_TIMEOUT_MS, fuzzSettings } from './test-support/fuzzSettings.js';
import { STORE_INDEPENDENT_TESTS } from './test-support/storeIndependentTests.js';

const sharedEntry = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));
const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

// Seeded tests run their pinned seeds; `npm run test:fuzz` adds fresh ones (test-support/fuzz.ts).
// This file is read more than once per run: the first reading draws the fresh seeds' base.
if (!process.env.MOCKLOOP_FUZZ_BASE) {
  process.env.MOCKLOOP_FUZZ_BASE = String(randomInt(2 ** 31 - 1));
  if (process.env.MOCKLOOP_FUZZ === '1') {
    console.log(`MOCKLOOP_FUZZ=1: fresh seeds from MOCKLOOP_FUZZ_BASE=${process.env.MOCKLOOP_FUZZ_BASE}`);
  }
}
const fuzz = fuzzSettings(process.env, root);

export default defineConfig({
  resolve: { alias: { '@mockloop/shared': sharedEntry } },
  test: {
    provide: { fuzz },
    tags: [
      {
        name: 'fuzz',
        description: 'Seeded fuzz and property tests: pinned seeds here, fresh ones in `npm run test:fuzz`.',
        // Fresh seeds by the hundred: the fuzz run is long by design (tests with a budget of their
        // own take it from fuzzTimeout).
        ...(fuzz.enabled ? { timeout: FUZZ_RUN_TIMEOUT_MS } : {}),
      },
    ],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['server/test/**/*.test.ts', 'bench/**/*.test.ts'],
          // The PostgreSQL pass runs what touches the store (test-support/storeIndependentTests.ts).
          exclude: process.env.MOCKLOOP_TEST_STORE === 'postgres' ? STORE_INDEPENDENT_TESTS : [],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Integration files each start real servers; running them one at a time keeps the
          // 2-core CI machine from timing out under load.
          fileParallelism: false,
        },
      },
    ],
  },
});
