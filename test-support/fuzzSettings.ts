/**
 * How seeded tests pick their seeds in this run, read from the environment by `vitest.config.ts`
 * and handed to every test file (`inject('fuzz')`):
 *
 * - `npm test`: each seeded test runs only its pinned seeds, so a run never depends on luck.
 * - `MOCKLOOP_FUZZ=1` (`npm run test:fuzz`): the pinned seeds, then fresh ones counting up from
 *   `MOCKLOOP_FUZZ_BASE` (drawn at random when unset; set it to replay a whole fuzz run).
 * - `MOCKLOOP_FUZZ_SEED=<n>`: only seed n, to replay a failure the fuzz run printed.
 */
export interface FuzzSettings {
  enabled: boolean;
  /** The one seed to replay, or null. */
  seed: number | null;
  /** The first fresh seed of this run. */
  base: number;
  /** The repository root, to print test paths a person can paste. */
  root: string;
}

/** How long one seeded test may take under `npm run test:fuzz`. */
export const FUZZ_RUN_TIMEOUT_MS = 30 * 60_000;

declare module 'vitest' {
  export interface ProvidedContext {
    fuzz: FuzzSettings;
  }
}

/** The settings for `env` (MOCKLOOP_FUZZ, MOCKLOOP_FUZZ_SEED, MOCKLOOP_FUZZ_BASE). */
export function fuzzSettings(env: Record<string, string | undefined>, root: string): FuzzSettings {
  const seed = wholeNumber(env, 'MOCKLOOP_FUZZ_SEED');
  const base = wholeNumber(env, 'MOCKLOOP_FUZZ_BASE') ?? 0;
  return { enabled: env.MOCKLOOP_FUZZ === '1', seed, base, root };
}

function wholeNumber(env: Record<string, string | undefined>, name: string): number | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}
