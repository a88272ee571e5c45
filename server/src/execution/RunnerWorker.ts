import os from 'node:os';
import { Redis } from 'ioredis';
import type { Logger } from '../logging/createLogger.js';
import type { ExecProgress } from './ExecJob.js';
import { ensureGroup } from './RedisRunQueue.js';
import {
  HEARTBEAT_MS,
  HEARTBEAT_TTL_MS,
  type QueuedJob,
  type RunEvent,
  runnerKeys,
  type WorkerStatus,
} from './redisKeys.js';
import type { SandboxExecutor } from './SandboxExecutor.js';

/** Output of a run is sent to its node at most this often, in one message. */
const OUTPUT_BATCH_MS = 50;

/**
 * A runner worker: takes runs from the Redis stream (one consumer of the group per free sandbox),
 * runs each in this machine's sandbox, and sends its news and result to the node that waits for
 * it. Its heartbeat says it is alive and what it can run; when it dies, the heartbeat stops and
 * the node fails the run it had (RedisRunQueue). On stop it takes no new runs and finishes its own.
 */
export class RunnerWorker {
  private readonly keys;
  private stopping = false;
  private readonly loops: Promise<void>[] = [];
  private readonly connections: Redis[] = [];
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    prefix: string,
    private readonly executor: SandboxExecutor,
    private readonly concurrency: number,
    private readonly log: Logger,
    readonly id: string = `${os.hostname()}-${process.pid}`,
  ) {
    this.keys = runnerKeys(prefix);
  }

  private async open(): Promise<Redis> {
    const redis = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: null });
    redis.on('error', () => {});
    await redis.connect();
    this.connections.push(redis);
    return redis;
  }

  async start(): Promise<void> {
    const redis = await this.open();
    await ensureGroup(redis, this.keys.jobs, this.keys.group);
    const status: WorkerStatus = {
      id: this.id,
      availability: this.executor.availability,
      concurrency: this.concurrency,
    };
    const beat = async () => {
      await redis
        .multi()
        .set(this.keys.worker(this.id), JSON.stringify(status), 'PX', HEARTBEAT_TTL_MS)
        .zadd(this.keys.workers, Date.now(), this.id)
        .zremrangebyscore(this.keys.workers, '-inf', Date.now() - 60_000)
        .exec();
    };
    await beat();
    this.heartbeat = setInterval(() => {
      beat().catch((err) => this.log.error({ err }, 'runner heartbeat failed'));
    }, HEARTBEAT_MS);
    for (let slot = 0; slot < this.concurrency; slot++) {
      const connection = await this.open();
      this.loops.push(this.loop(connection, `${this.id}#${slot}`, redis));
    }
  }

  /** One sandbox's worth of work: read a run, run it, answer, again. */
  private async loop(blocking: Redis, consumer: string, redis: Redis): Promise<void> {
    while (!this.stopping) {
      let entries: [string, [string, string[]][]][] | null;
      try {
        entries = (await blocking.xreadgroup(
          'GROUP',
          this.keys.group,
          consumer,
          'COUNT',
          1,
          'BLOCK',
          1000,
          'STREAMS',
          this.keys.jobs,
          '>',
        )) as [string, [string, string[]][]][] | null;
      } catch (err) {
        if (!this.stopping) this.log.error({ err }, 'reading the runner queue failed');
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      const entry = entries?.[0]?.[1]?.[0];
      if (!entry) continue;
      const [entryId, fields] = entry;
      const raw = fields?.[1];
      try {
        // A run the node gave up on (deleted) arrives without its fields: nothing to do.
        if (raw) await this.run(JSON.parse(raw) as QueuedJob, redis);
      } catch (err) {
        this.log.error({ err }, 'a run failed');
      } finally {
        await redis.xack(this.keys.jobs, this.keys.group, entryId).catch(() => 0);
        await redis.xdel(this.keys.jobs, entryId).catch(() => 0);
      }
    }
  }

  private async run({ job, reply }: QueuedJob, redis: Redis): Promise<void> {
    const send = (event: RunEvent) => redis.publish(reply, JSON.stringify(event)).catch(() => 0);
    await send({ job: job.id, type: 'started', worker: this.id });
    let pending = '';
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      timer = null;
      if (pending) void send({ job: job.id, type: 'progress', progress: { stage: 'output', text: pending } });
      pending = '';
    };
    const onProgress = (progress: ExecProgress) => {
      if (progress.stage === 'output') {
        pending += progress.text;
        timer ??= setTimeout(flush, OUTPUT_BATCH_MS);
      } else {
        flush();
        void send({ job: job.id, type: 'progress', progress });
      }
    };
    const outcome = await this.executor.execute(job, onProgress);
    if (timer) clearTimeout(timer);
    flush();
    // Kept a while too, in case the node missed the message (a reconnect) and looks for it.
    await redis.set(this.keys.result(job.id), JSON.stringify(outcome), 'PX', 120_000);
    await send({ job: job.id, type: 'done', outcome });
  }

  /** Takes no new runs, finishes those it has, and leaves. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const [redis] = this.connections;
    await redis?.multi().del(this.keys.worker(this.id)).zrem(this.keys.workers, this.id).exec();
    for (const connection of this.connections) connection.disconnect();
  }
}
