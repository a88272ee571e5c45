import os from 'node:os';
import { SERVER_LANGUAGES, type ServerLanguage } from '@mockloop/shared';
import { DEFAULT_SANDBOX_LIMITS, type SandboxLimits } from './SandboxExecutor.js';

/**
 * The server-side runner's settings (README, Configuration, RUNNER_*). `mode`: `local` runs
 * sandboxes in this process (the default on one machine), `queue` hands runs to runner workers
 * through Redis (the default with REDIS_URL), `off` runs nothing on the server.
 */
export interface RunnerSettings {
  mode: 'local' | 'queue' | 'off';
  languages: ServerLanguage[];
  /** Sandboxes running at once on one machine (a node in local mode, or a worker). */
  concurrency: number;
  /** Runs waiting beyond those; past it a run is refused as busy. */
  queueMax: number;
  /** Runs one person may start a minute. */
  runsPerMinute: number;
  /** Seconds of compiling and running a room may use an hour, and an address. */
  roomSecondsPerHour: number;
  addressSecondsPerHour: number;
  /** How long a run may wait in line before it is given up. */
  queueWaitMs: number;
  limits: SandboxLimits;
  /** Where the prepared harnesses are kept (a tmp folder by default). */
  cacheDir?: string;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number of at least ${min}, got ${raw}`);
  return value;
}

export function runnerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunnerSettings {
  const modeText = env.RUNNER_MODE || (env.REDIS_URL ? 'queue' : 'local');
  if (!['local', 'queue', 'off'].includes(modeText)) {
    throw new Error(`RUNNER_MODE must be local, queue or off, got ${modeText}`);
  }
  const languages = env.RUNNER_LANGUAGES
    ? env.RUNNER_LANGUAGES.split(',')
        .map((l) => l.trim())
        .filter(Boolean)
    : [...SERVER_LANGUAGES];
  for (const l of languages) {
    if (!(SERVER_LANGUAGES as readonly string[]).includes(l)) {
      throw new Error(`RUNNER_LANGUAGES: unknown language ${l} (known: ${SERVER_LANGUAGES.join(', ')})`);
    }
  }
  return {
    mode: modeText as RunnerSettings['mode'],
    languages: languages as ServerLanguage[],
    concurrency: number(env, 'RUNNER_CONCURRENCY', Math.max(1, os.availableParallelism()), 1),
    queueMax: number(env, 'RUNNER_QUEUE_MAX', 32),
    runsPerMinute: number(env, 'RUNNER_RUNS_PER_MINUTE', 12, 1),
    roomSecondsPerHour: number(env, 'RUNNER_ROOM_SECONDS', 900, 1),
    addressSecondsPerHour: number(env, 'RUNNER_ADDRESS_SECONDS', 1800, 1),
    queueWaitMs: number(env, 'RUNNER_QUEUE_WAIT_SECONDS', 60, 1) * 1000,
    limits: {
      ...DEFAULT_SANDBOX_LIMITS,
      memoryBytes: number(env, 'RUNNER_MEMORY_MB', 512, 64) * 1024 * 1024,
      processes: number(env, 'RUNNER_PROCESSES', DEFAULT_SANDBOX_LIMITS.processes, 8),
      compileMs: number(env, 'RUNNER_COMPILE_SECONDS', 30, 1) * 1000,
      cpus: number(env, 'RUNNER_CPUS', DEFAULT_SANDBOX_LIMITS.cpus, 0.1),
    },
    cacheDir: env.RUNNER_CACHE_DIR || undefined,
  };
}
