import { expect, inject } from 'vitest';
import { FUZZ_RUN_TIMEOUT_MS, type FuzzSettings } from './fuzzSettings.js';

/**
 * The seeds a seeded (fuzz or property) test runs: its pinned ones in `npm test`; those plus
 * `fresh` new ones under `npm run test:fuzz`; only MOCKLOOP_FUZZ_SEED when that is set. A seed
 * always means the same run, so one printed by a failure can be replayed and pinned.
 */
export function fuzzSeeds(pinned: readonly number[], fresh: number): number[] {
  const { enabled, seed, base }: FuzzSettings = inject('fuzz');
  if (seed !== null) return [seed];
  if (!enabled) return [...pinned];
  // Fresh seeds stay below 2^31 so every generator takes them as they are.
  const seeds = [...pinned, ...Array.from({ length: fresh }, (_, i) => (base + i) % 2 ** 31)];
  console.log(`fuzz: ${testName()} runs ${pinned.length} pinned and ${fresh} fresh seeds (${base}...)`);
  return seeds;
}

/**
 * A seeded test's time budget: `ms` for its pinned seeds, and the fuzz run's long one (the `fuzz`
 * tag's, in `vitest.config.ts`) for fresh seeds by the hundred.
 */
export function fuzzTimeout(ms: number): number {
  return inject('fuzz').enabled ? FUZZ_RUN_TIMEOUT_MS : ms;
}

/**
 * Runs `check` once per seed, in order. A failure is rethrown with its seed, the command that
 * replays it and where to pin it (`pinIn`, e.g. a fixture file or a constant's name).
 */
export async function forEachSeed(
  seeds: readonly number[],
  pinIn: string,
  check: (seed: number) => unknown,
): Promise<void> {
  for (const seed of seeds) {
    try {
      await check(seed);
    } catch (err) {
      const note = `fuzz seed ${seed} failed. Replay: MOCKLOOP_FUZZ_SEED=${seed} npx vitest run ${testPath()} -t ${shellPattern(testName())}. Pin it: add ${seed} to ${pinIn}.`;
      console.error(note);
      if (err instanceof Error) {
        err.message = `${note}\n${err.message}`;
        throw err;
      }
      throw new Error(note, { cause: err });
    }
  }
}

function testName(): string {
  return expect.getState().currentTestName?.split(' > ').at(-1) ?? 'this test';
}

function testPath(): string {
  const path = expect.getState().testPath ?? '';
  const root = inject('fuzz').root;
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

/** `-t` takes a regular expression: the name's own characters, quoted for a POSIX shell. */
function shellPattern(name: string): string {
  const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `'${pattern.replaceAll("'", "'\\''")}'`;
}
