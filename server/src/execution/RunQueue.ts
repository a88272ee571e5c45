import { SERVER_LANGUAGES, type ServerLanguage } from '@mockloop/shared';
import type { ExecJob, ExecOutcome, ExecProgress } from './ExecJob.js';
import type { Availability } from './SandboxExecutor.js';

/** A run refused before it started, with a sentence for the person (busy, no runner, ...). */
export class RunRefused extends Error {
  constructor(
    message: string,
    readonly code: 'BUSY' | 'UNAVAILABLE' = 'BUSY',
  ) {
    super(message);
    this.name = 'RunRefused';
  }
}

/**
 * Where runs wait for a sandbox: in this process (LocalRunQueue) or in Redis for runner workers
 * on any machine (RedisRunQueue). `submit` reports the place in line while the run waits, then
 * its phases and output; it rejects with RunRefused when the line is full or nothing can run it.
 */
export interface RunQueue {
  /** What can run; waits while the machine is still being checked at start-up. */
  availability(): Promise<Availability>;
  /** What can run, without waiting: null while it is still being found out. */
  current(): Availability | null;
  submit(job: ExecJob, onProgress?: (progress: ExecProgress) => void): Promise<ExecOutcome>;
  close(): Promise<void>;
}

/** RUNNER_MODE=off: the server runs nothing, and says so. */
export class OffRunQueue implements RunQueue {
  private readonly status: Availability;

  constructor(reason: (language: ServerLanguage) => string) {
    this.status = Object.fromEntries(
      SERVER_LANGUAGES.map((l) => [l, { available: false, reason: reason(l) }]),
    ) as Availability;
  }

  async availability(): Promise<Availability> {
    return this.status;
  }

  current(): Availability {
    return this.status;
  }

  async submit(): Promise<ExecOutcome> {
    throw new RunRefused('Code does not run on this server.', 'UNAVAILABLE');
  }

  async close(): Promise<void> {}
}
