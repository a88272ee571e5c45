import { Worker } from 'node:worker_threads';
import type { EncodeReply } from './checkpointWorker.js';

/**
 * Encodes checkpoints on a thread of their own (issue 30). A checkpoint is the document's whole
 * state as one update; encoding it from the live Y.Doc takes time in proportion to the document
 * (140 ms for a 560 KB code document on this machine), and it ran inside the write callback, so
 * every room on the node waited. Here the state is rebuilt from what the store already holds: the
 * last checkpoint and the rows after it, which is exactly what the new checkpoint replaces.
 *
 * One worker, started on first use and not keeping the process alive. A worker that dies fails
 * the requests it had; the next request starts another.
 */
export class CheckpointEncoder {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (s: Uint8Array) => void; reject: (e: Error) => void }
  >();

  /** The state of a document made of `parts` (a checkpoint, then rows), in order. */
  encode(parts: readonly Uint8Array[]): Promise<Uint8Array> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, parts });
    });
  }

  /** Stops the thread; requests still waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the checkpoint encoder was closed'));
    await worker?.terminate();
  }

  private start(): Worker {
    // From the build the thread runs checkpointWorker.js; from the sources (tests), the .ts file.
    const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
    const worker = new Worker(new URL(`./checkpointWorker.${ext}`, import.meta.url));
    worker.unref();
    worker.on('message', (reply: EncodeReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('state' in reply) waiting.resolve(reply.state);
      else waiting.reject(new Error(`checkpoint encoding failed: ${reply.error}`));
    });
    const lost = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(err);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the checkpoint encoder stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(err);
  }
}
