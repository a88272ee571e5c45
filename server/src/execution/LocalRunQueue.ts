import { LANGUAGE_LABELS, SERVER_LANGUAGES } from '@mockloop/shared';
import type { ExecJob, ExecOutcome, ExecProgress } from './ExecJob.js';
import { type RunQueue, RunRefused } from './RunQueue.js';
import type { Availability, SandboxExecutor } from './SandboxExecutor.js';

interface Waiting {
  job: ExecJob;
  onProgress?: (progress: ExecProgress) => void;
  start(): void;
}

/**
 * Runs in this process: at most `concurrency` sandboxes at once, at most `queueMax` runs waiting
 * behind them (first come, first served); each waiting run hears its place whenever it moves.
 */
export class LocalRunQueue implements RunQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];
  private closed = false;
  private known: Availability | null = null;

  constructor(
    private readonly executor: Promise<SandboxExecutor>,
    private readonly concurrency: number,
    private readonly queueMax: number,
  ) {
    executor.then(
      (e) => {
        this.known = e.availability;
      },
      (err) => {
        this.known = failed(err);
      },
    );
  }

  async availability(): Promise<Availability> {
    try {
      return (await this.executor).availability;
    } catch (err) {
      return failed(err);
    }
  }

  current(): Availability | null {
    return this.known;
  }

  async submit(job: ExecJob, onProgress?: (progress: ExecProgress) => void): Promise<ExecOutcome> {
    const executor = await this.executor.catch((err) => {
      throw new RunRefused(String(failed(err)[job.language].reason), 'UNAVAILABLE');
    });
    if (this.closed) throw new RunRefused('The server is shutting down.', 'UNAVAILABLE');
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueMax) {
        throw new RunRefused(
          `The runner is busy: ${this.waiting.length} runs are waiting. Try again in a moment.`,
        );
      }
      await new Promise<void>((start) => {
        this.waiting.push({ job, onProgress, start });
        onProgress?.({ stage: 'queued', position: this.waiting.length });
      });
      // next() counted this run as running when it handed over its slot.
    } else {
      this.running++;
    }
    try {
      return await executor.execute(job, onProgress);
    } finally {
      this.running--;
      this.next();
    }
  }

  private next(): void {
    const first = this.waiting.shift();
    if (!first) return;
    // The slot passes straight to the first in line: no run arriving meanwhile can take it.
    this.running++;
    first.start();
    for (const [index, w] of this.waiting.entries()) w.onProgress?.({ stage: 'queued', position: index + 1 });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Every language unavailable, saying why: the machine check at start-up itself failed. */
function failed(err: unknown): Availability {
  const why = err instanceof Error ? err.message : String(err);
  return Object.fromEntries(
    SERVER_LANGUAGES.map((l) => [
      l,
      {
        available: false,
        reason: `${LANGUAGE_LABELS[l]} cannot run on this server: its start-up check failed (${why})`,
      },
    ]),
  ) as Availability;
}
