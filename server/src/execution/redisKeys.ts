import type { ExecJob, ExecOutcome, ExecProgress } from './ExecJob.js';
import type { Availability } from './SandboxExecutor.js';

/** A worker is alive while its heartbeat key exists: refreshed every second, gone after 3 s. */
export const HEARTBEAT_MS = 1000;
export const HEARTBEAT_TTL_MS = 3000;

/** The Redis names the nodes and the runner workers share, under the cluster's prefix. */
export function runnerKeys(prefix: string) {
  const base = `${prefix}runner:`;
  return {
    /** The stream of waiting runs; workers read it as one consumer group. */
    jobs: `${base}jobs`,
    group: 'workers',
    /** Live workers, scored by their last heartbeat. */
    workers: `${base}workers`,
    worker: (id: string) => `${base}worker:${id}`,
    /** Each node hears its runs' news on a channel of its own. */
    events: (node: string) => `${base}events:${node}`,
    result: (job: string) => `${base}result:${job}`,
  };
}

/** A run as it waits in the stream: the job and where to send its news. */
export interface QueuedJob {
  job: ExecJob;
  /** The channel of the node that waits for it. */
  reply: string;
}

/** What a worker says about a run on its node's channel. */
export type RunEvent =
  | { job: string; type: 'started'; worker: string }
  | { job: string; type: 'progress'; progress: ExecProgress }
  | { job: string; type: 'done'; outcome: ExecOutcome };

/** What a worker says of itself in its heartbeat. */
export interface WorkerStatus {
  id: string;
  availability: Availability;
  concurrency: number;
}
