import type { ServerLanguage } from '@mockloop/shared';
import type { SandboxLimits } from './SandboxExecutor.js';

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
