import * as Y from 'yjs';
import type { Store } from '../store/Store.js';
import { type AwarenessPace, AwarenessPacer } from './AwarenessPacer.js';
import { SharedDoc } from './SharedDoc.js';

export interface DocManagerOptions {
  /** How long a document with no connections stays loaded. */
  unloadGraceMs?: number;
  /** Compact a document's log once it holds this many rows. */
  compactAfterRows?: number;
  /** How often awareness changes are broadcast; default: an `AwarenessPacer` (50-200 ms by load). */
  awarenessPace?: AwarenessPace;
  onError?: (err: unknown, docName: string) => void;
}

interface Entry {
  ready: Promise<SharedDoc>;
  shared?: SharedDoc;
  refs: number;
  rows: number;
  unloadTimer?: NodeJS.Timeout;
}

/** Marks the transaction that applies stored rows (before `onUpdate` is set: never written back). */
const LOAD_ORIGIN = Symbol('load');
/** Marks changes the server itself makes (starter code). */
const SERVER_ORIGIN = Symbol('server');

/**
 * Loads documents from the store on first use, appends every update to the store, compacts
 * logs, and unloads documents nobody has used for a grace period (P-DOC-6). A document's first
 * sync step can only be sent after `acquire` resolves, so clients never see a half-loaded doc.
 *
 * Writes are grouped: the updates applied during one event-loop turn are appended at the end of
 * that turn, all documents together, in one store transaction (`Store.appendUpdates`).
 * They are relayed as soon as they are applied, so a crash can lose the current turn's updates
 * from the store, never from the clients, whose sync step 2 sends them again on reconnect.
 */
export class DocManager {
  private readonly entries = new Map<string, Entry>();
  /** Documents being unloaded: a new load waits for their last writes. */
  private readonly closing = new Map<string, Promise<void>>();
  /** Updates applied this turn and not yet handed to the store, per document, in order. */
  private readonly unwritten = new Map<string, Uint8Array[]>();
  private flushScheduled: NodeJS.Immediate | undefined;
  /** Every store write (appends and compactions), in order: a compaction never races an append. */
  private writes: Promise<void> = Promise.resolve();
  private readonly unloadGraceMs: number;
  private readonly compactAfterRows: number;
  private readonly awarenessPace: AwarenessPace;
  /** The pacer this manager made (and so stops), if it was not given one. */
  private readonly ownPacer?: AwarenessPacer;
  private readonly onError: (err: unknown, docName: string) => void;

  constructor(
    private readonly store: Store,
    options: DocManagerOptions = {},
  ) {
    this.unloadGraceMs = options.unloadGraceMs ?? 30_000;
    this.compactAfterRows = options.compactAfterRows ?? 500;
    if (options.awarenessPace) this.awarenessPace = options.awarenessPace;
    else this.awarenessPace = this.ownPacer = new AwarenessPacer();
    this.onError = options.onError ?? ((err, name) => console.error(`[docs] ${name}:`, err));
  }

  /** Number of documents in memory (loaded or loading). */
  get size(): number {
    return this.entries.size;
  }

  isLoaded(name: string): boolean {
    return this.entries.get(name)?.shared !== undefined;
  }

  /** Loads (once) and pins a document; pair every call with `release`. */
  async acquire(name: string): Promise<SharedDoc> {
    let entry = this.entries.get(name);
    if (!entry) {
      const created: Entry = { refs: 0, rows: 0, ready: Promise.resolve(null as never) };
      created.ready = this.load(name, created);
      entry = created;
      this.entries.set(name, entry);
      // A failed load must not stay cached: the next acquire tries again.
      created.ready.catch(() => {
        if (this.entries.get(name) === created) this.entries.delete(name);
      });
    }
    entry.refs += 1;
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = undefined;
    }
    try {
      return await entry.ready;
    } catch (err) {
      entry.refs -= 1;
      throw err;
    }
  }

  release(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    entry.refs = Math.max(0, entry.refs - 1);
    if (entry.refs === 0 && !entry.unloadTimer) {
      entry.unloadTimer = setTimeout(() => {
        void this.unload(name, entry);
      }, this.unloadGraceMs);
      entry.unloadTimer.unref();
    }
  }

  /**
   * Applies a server-side change to a document (loading it if needed) and waits until it is
   * stored. Connected clients receive it like any other update.
   */
  async edit(name: string, change: (doc: Y.Doc) => void): Promise<void> {
    const shared = await this.acquire(name);
    try {
      shared.doc.transact(() => change(shared.doc), SERVER_ORIGIN);
      await this.flush(name);
    } finally {
      this.release(name);
    }
  }

  /** Waits until every update received so far is in the store. */
  async flush(_name?: string): Promise<void> {
    this.writeUnwritten();
    await this.writes;
  }

  /** Flushes, compacts and unloads every document (server shutdown). */
  async close(): Promise<void> {
    this.ownPacer?.close();
    await Promise.all([...this.entries].map(([name, entry]) => this.unload(name, entry, true)));
    await Promise.all(this.closing.values());
  }

  private async load(name: string, entry: Entry): Promise<SharedDoc> {
    await this.closing.get(name);
    const updates = await this.store.loadUpdates(name);
    const shared = new SharedDoc(name, { awarenessPace: this.awarenessPace });
    // Applying rows one by one in one transaction is fast; Y.mergeUpdates over many rows is not.
    shared.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(shared.doc, update);
    }, LOAD_ORIGIN);
    entry.rows = updates.length;
    shared.onUpdate = (update) => {
      entry.rows += 1;
      if (entry.rows >= this.compactAfterRows) {
        this.compact(name, entry, shared);
        return;
      }
      const pending = this.unwritten.get(name);
      if (pending) pending.push(update);
      else this.unwritten.set(name, [update]);
      this.flushScheduled ??= setImmediate(() => this.writeUnwritten());
    };
    entry.shared = shared;
    return shared;
  }

  /** Hands every unwritten update to the store. */
  private writeUnwritten(): void {
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    if (this.unwritten.size === 0) return;
    const batch = new Map(this.unwritten);
    this.unwritten.clear();
    const [first] = batch.keys();
    const label = batch.size === 1 ? `${first}` : `${first} and ${batch.size - 1} more`;
    this.enqueueWrite(label, () => this.store.appendUpdates(batch));
  }

  private compact(name: string, entry: Entry, shared: SharedDoc): void {
    entry.rows = 1;
    // Encoded now, so the snapshot covers every update applied so far, written or not.
    const state = Y.encodeStateAsUpdate(shared.doc);
    this.unwritten.delete(name);
    this.enqueueWrite(name, () => this.store.replaceUpdates(name, state));
  }

  private enqueueWrite(name: string, write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((err) => this.onError(err, name));
  }

  private async unload(name: string, entry: Entry, force = false): Promise<void> {
    if (this.entries.get(name) !== entry) return;
    if (!force && entry.refs > 0) return;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    this.entries.delete(name);
    const done = (async () => {
      const shared = await entry.ready.catch(() => undefined);
      if (!shared) return;
      if (entry.rows > 1) this.compact(name, entry, shared);
      this.writeUnwritten();
      await this.writes;
      shared.destroy();
    })();
    this.closing.set(name, done);
    try {
      await done;
    } finally {
      if (this.closing.get(name) === done) this.closing.delete(name);
    }
  }
}
