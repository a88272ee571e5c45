import type { Metrics } from '../metrics/Metrics.js';
import type { DocumentLog } from '../store/DocumentLog.js';
import type { Checkpoint, UpdateRow } from '../store/records.js';
import { inChunks } from './inChunks.js';

/** A store write holds about this many bytes of rows at most (one row alone may hold more). */
const WRITE_CHUNK_BYTES = 4 * 1024 * 1024;

export interface WriteBatcherOptions {
  /** Told the highest sequence number the store gave a document's rows in each append. */
  onStored: (docName: string, seq: number) => void;
  /** A write that failed (the chain goes on); `label` names the document(s) it held. */
  onError: (err: unknown, label: string) => void;
  /** Times store writes and counts the rows of each (Prometheus). */
  metrics?: Pick<Metrics, 'storeWrites' | 'storeBatchRows'>;
}

/**
 * Every store write of the documents served here, in one ordered chain.
 *
 * Updates are grouped: the rows added during one event-loop turn are appended at the end of that
 * turn (`setImmediate`), all documents together, in one store transaction. The caller relays an
 * update as soon as it is applied, so a crash can lose the current turn's rows from the store,
 * never from the clients, whose sync step 2 sends them again on reconnect.
 *
 * Appends and checkpoints share the chain, so a checkpoint never races the appends before it:
 * by the time it is written, their sequence numbers have been reported through `onStored`.
 */
export class WriteBatcher {
  /** Rows added this turn and not yet handed to the store, per document, in order. */
  private readonly unwritten = new Map<string, UpdateRow[]>();
  private flushScheduled: NodeJS.Immediate | undefined;
  /** The tail of the chain; it never rejects (a failure goes to `onError`). */
  private writes: Promise<void> = Promise.resolve();
  /**
   * An append in the chain that has not started: it takes every row unwritten when it starts, so
   * rows that arrive while the chain is busy (a checkpoint waiting for its encoder, a slow disk)
   * go in one transaction, not one per turn run back to back without the event loop between them.
   */
  private pendingAppend: { rows?: Map<string, UpdateRow[]> } | undefined;

  constructor(
    private readonly store: Pick<DocumentLog, 'appendUpdates' | 'writeCheckpoint'>,
    private readonly options: WriteBatcherOptions,
  ) {}

  /** Queues a document's row; it is written at the end of this turn, after the rows before it. */
  add(docName: string, row: UpdateRow): void {
    const pending = this.unwritten.get(docName);
    if (pending) pending.push(row);
    else this.unwritten.set(docName, [row]);
    this.flushScheduled ??= setImmediate(() => this.writeUnwritten());
  }

  /**
   * Queues a checkpoint after every row added so far. `checkpoint` is called when its turn in
   * the chain comes, so its `uptoSeq` can be the sequence number those appends reported.
   */
  checkpoint(docName: string, checkpoint: () => Checkpoint | Promise<Checkpoint>): void {
    // The rows before it are taken now: one added after must not be written before it (the
    // checkpoint's uptoSeq would then cover a row its state does not hold).
    this.writeUnwritten(true);
    this.enqueue(docName, async () => this.store.writeCheckpoint(docName, await checkpoint()));
  }

  /** Hands every row added so far to the chain; resolves once the chain has written them all. */
  flush(): Promise<void> {
    this.writeUnwritten();
    return this.writes;
  }

  /** Resolves once every write already in the chain is done (rows not yet handed to it wait). */
  settled(): Promise<void> {
    return this.writes;
  }

  /** Drops the rows not yet handed to the chain of the documents `which` picks (a deleted room). */
  discard(which: (docName: string) => boolean): void {
    for (const name of [...this.unwritten.keys()]) if (which(name)) this.unwritten.delete(name);
  }

  /**
   * Hands the unwritten rows to the chain: to the append waiting there if there is one, else to a
   * new one. `seal` takes them now and closes that append to later rows. An append writes one
   * transaction, or, for rows of megabytes (large pastes from several connections), one per few
   * MiB with the event loop free between them, so one room's big writes never stall every other.
   */
  private writeUnwritten(seal = false): void {
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    if (this.unwritten.size === 0 && !(seal && this.pendingAppend)) return;
    let job = this.pendingAppend;
    if (!job) {
      const queued: { rows?: Map<string, UpdateRow[]> } = {};
      job = this.pendingAppend = queued;
      this.enqueue('rows', async () => {
        if (this.pendingAppend === queued) this.pendingAppend = undefined;
        await this.appendAll(queued.rows ?? this.takeUnwritten());
      });
    }
    if (seal) {
      job.rows = this.takeUnwritten();
      this.pendingAppend = undefined;
    }
  }

  private takeUnwritten(): Map<string, UpdateRow[]> {
    const rows = new Map(this.unwritten);
    this.unwritten.clear();
    return rows;
  }

  private async appendAll(rows: ReadonlyMap<string, UpdateRow[]>): Promise<void> {
    for (const [i, batch] of inChunks(rows, WRITE_CHUNK_BYTES).entries()) {
      if (batch.size === 0) continue;
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      try {
        await this.append(batch);
      } catch (err) {
        const [first] = batch.keys();
        this.options.onError(err, batch.size === 1 ? `${first}` : `${first} and ${batch.size - 1} more`);
      }
    }
  }

  private async append(batch: ReadonlyMap<string, UpdateRow[]>): Promise<void> {
    const { metrics, onStored } = this.options;
    const started = process.hrtime.bigint();
    const last = await this.store.appendUpdates(batch);
    metrics?.storeWrites.observe(Number(process.hrtime.bigint() - started) / 1e9);
    let rows = 0;
    for (const docRows of batch.values()) rows += docRows.length;
    metrics?.storeBatchRows.observe(rows);
    for (const [doc, seq] of last) onStored(doc, seq);
  }

  private enqueue(label: string, write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((err) => this.options.onError(err, label));
  }
}
