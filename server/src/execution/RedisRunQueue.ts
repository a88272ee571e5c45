import { randomUUID } from 'node:crypto';
import { LANGUAGE_LABELS, SERVER_LANGUAGES } from '@mockloop/shared';
import { Redis } from 'ioredis';
import type { Logger } from '../logging/createLogger.js';
import type { ExecJob, ExecOutcome, ExecProgress } from './ExecJob.js';
import { type RunQueue, RunRefused } from './RunQueue.js';
import {
  HEARTBEAT_TTL_MS,
  type QueuedJob,
  type RunEvent,
  runnerKeys,
  type WorkerStatus,
} from './redisKeys.js';
import type { RunnerSettings } from './runnerSettings.js';
import type { Availability } from './SandboxExecutor.js';

interface InFlight {
  entryId: string;
  worker: string | null;
  submittedAt: number;
  position: number;
  onProgress?: (progress: ExecProgress) => void;
  finish(outcome: ExecOutcome): void;
}

const WATCH_MS = 500;

/**
 * Runs go to runner workers on any machine through Redis: a stream read by one consumer group
 * (each run goes to one worker), news back on this node's own channel, results also kept under a
 * key a while. The node watches its runs: one whose worker's heartbeat stops (the worker died)
 * fails at once with a plain message, one no worker takes within the wait is given up, and the
 * place in line is counted from the group's last delivered entry.
 */
export class RedisRunQueue implements RunQueue {
  private readonly keys;
  private readonly channel: string;
  private readonly inFlight = new Map<string, InFlight>();
  private known: Availability | null = null;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    private readonly settings: RunnerSettings,
    private readonly log: Logger,
  ) {
    this.keys = runnerKeys(prefix);
    this.channel = this.keys.events(randomUUID());
    let tick = 0;
    this.timer = setInterval(() => {
      this.watch().catch((err) => this.log.error({ err }, 'watching the runner queue failed'));
      if (tick++ % 4 === 0) this.refreshAvailability().catch(() => {});
    }, WATCH_MS);
    this.timer.unref();
  }

  static async connect(
    url: string,
    prefix: string,
    settings: RunnerSettings,
    log: Logger,
  ): Promise<RedisRunQueue> {
    const open = async () => {
      const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
      redis.on('error', () => {});
      await redis.connect();
      return redis;
    };
    const [redis, subscriber] = await Promise.all([open(), open()]);
    const queue = new RedisRunQueue(redis, subscriber, prefix, settings, log);
    await ensureGroup(redis, queue.keys.jobs, queue.keys.group);
    subscriber.on('message', (_channel, message) => queue.onEvent(message));
    await subscriber.subscribe(queue.channel);
    await queue.refreshAvailability();
    return queue;
  }

  async availability(): Promise<Availability> {
    return this.refreshAvailability();
  }

  current(): Availability | null {
    return this.known;
  }

  async submit(job: ExecJob, onProgress?: (progress: ExecProgress) => void): Promise<ExecOutcome> {
    const waiting = await this.waitingCount();
    if (waiting >= this.settings.queueMax) {
      throw new RunRefused(`The runners are busy: ${waiting} runs are waiting. Try again in a moment.`);
    }
    const queued: QueuedJob = { job, reply: this.channel };
    return new Promise<ExecOutcome>((resolve, reject) => {
      const flight: InFlight = {
        entryId: '',
        worker: null,
        submittedAt: Date.now(),
        position: 0,
        onProgress,
        finish: (outcome) => {
          this.inFlight.delete(job.id);
          resolve(outcome);
        },
      };
      this.inFlight.set(job.id, flight);
      this.redis.xadd(this.keys.jobs, '*', 'job', JSON.stringify(queued)).then(
        (id) => {
          flight.entryId = id ?? '';
        },
        (err) => {
          this.inFlight.delete(job.id);
          reject(new RunRefused(`The run queue cannot be reached: ${(err as Error).message}`, 'UNAVAILABLE'));
        },
      );
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const [id, flight] of this.inFlight) {
      flight.finish(crashed('The server stopped before the run finished.'));
      this.inFlight.delete(id);
    }
    this.subscriber.disconnect();
    this.redis.disconnect();
  }

  private onEvent(message: string): void {
    let event: RunEvent;
    try {
      event = JSON.parse(message) as RunEvent;
    } catch {
      return;
    }
    const flight = this.inFlight.get(event.job);
    if (!flight) return;
    if (event.type === 'started') flight.worker = event.worker;
    else if (event.type === 'progress') flight.onProgress?.(event.progress);
    else if (event.type === 'done') flight.finish(event.outcome);
  }

  /** Each run in flight: its place in line, its worker still alive, its wait not over. */
  private async watch(): Promise<void> {
    if (this.inFlight.size === 0) return;
    const lastDelivered = await this.lastDelivered();
    for (const [id, flight] of [...this.inFlight]) {
      if (!flight.entryId) continue;
      if (flight.worker) {
        const alive = await this.redis.exists(this.keys.worker(flight.worker));
        if (alive) continue;
        // A result written just before the worker died still counts.
        const stored = await this.redis.get(this.keys.result(id));
        if (stored) {
          flight.finish(JSON.parse(stored) as ExecOutcome);
          continue;
        }
        await this.drop(flight.entryId);
        flight.finish(
          crashed(
            'The runner running this code stopped part way (its machine went away). Nothing was judged: run it again, another runner will take it.',
          ),
        );
        continue;
      }
      if (Date.now() - flight.submittedAt > this.settings.queueWaitMs) {
        await this.drop(flight.entryId);
        flight.finish(
          crashed(`No runner took the run within ${this.settings.queueWaitMs / 1000} s: try again.`),
        );
        continue;
      }
      const ahead = await this.redis.xrange(
        this.keys.jobs,
        `(${lastDelivered}`,
        flight.entryId,
        'COUNT',
        1000,
      );
      const position = ahead.length;
      if (position > 0 && position !== flight.position) {
        flight.position = position;
        flight.onProgress?.({ stage: 'queued', position });
      }
    }
  }

  private async drop(entryId: string): Promise<void> {
    await this.redis.xack(this.keys.jobs, this.keys.group, entryId).catch(() => 0);
    await this.redis.xdel(this.keys.jobs, entryId).catch(() => 0);
  }

  /** The id of the last entry handed to a worker ('0' before the first). */
  private async lastDelivered(): Promise<string> {
    const groups = (await this.redis.xinfo('GROUPS', this.keys.jobs)) as unknown[][];
    for (const group of groups) {
      const fields = Object.fromEntries(
        Array.from({ length: group.length / 2 }, (_, i) => [String(group[2 * i]), group[2 * i + 1]]),
      );
      if (fields.name === this.keys.group) return String(fields['last-delivered-id'] ?? '0');
    }
    return '0';
  }

  private async waitingCount(): Promise<number> {
    const from = await this.lastDelivered();
    return (await this.redis.xrange(this.keys.jobs, `(${from}`, '+', 'COUNT', this.settings.queueMax + 1))
      .length;
  }

  /** A language can run if a live worker can run it; with none alive, each says so. */
  private async refreshAvailability(): Promise<Availability> {
    const since = Date.now() - HEARTBEAT_TTL_MS;
    const ids = await this.redis.zrangebyscore(this.keys.workers, since, '+inf');
    const statuses = ids.length
      ? ((await this.redis.mget(ids.map((id) => this.keys.worker(id))))
          .filter((s): s is string => s !== null)
          .map((s) => JSON.parse(s) as WorkerStatus) ?? [])
      : [];
    const availability = Object.fromEntries(
      SERVER_LANGUAGES.map((l) => {
        if (statuses.some((s) => s.availability[l]?.available)) return [l, { available: true }];
        const reason =
          statuses.length === 0
            ? `${LANGUAGE_LABELS[l]} cannot run on this server: no runner worker is running (start one: node server/dist/execution/runnerWorkerMain.js)`
            : (statuses[0]?.availability[l]?.reason ?? `${LANGUAGE_LABELS[l]} cannot run on this server`);
        return [l, { available: false, reason }];
      }),
    ) as Availability;
    this.known = availability;
    return availability;
  }
}

/** Creates the stream's consumer group once (it may exist already). */
export async function ensureGroup(redis: Redis, stream: string, group: string): Promise<void> {
  try {
    await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
  } catch (err) {
    if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
  }
}

function crashed(error: string): ExecOutcome {
  return { status: 'crashed', output: '', truncated: false, error, runMs: 0 };
}
