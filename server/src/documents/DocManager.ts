import * as Y from 'yjs';
import type { Store } from '../store/Store.js';
import { SharedDoc } from './SharedDoc.js';

export interface DocManagerOptions {
  /** How long a document with no connections stays loaded. */
  unloadGraceMs?: number;
  /** Compact a document's log once it holds this many rows. */
  compactAfterRows?: number;
  onError?: (err: unknown, docName: string) => void;
}

interface Entry {
  ready: Promise<SharedDoc>;
  shared?: SharedDoc;
  refs: number;
  rows: number;
  /** Serialises this document's store writes so compaction never races an append. */
  writes: Promise<void>;
  unloadTimer?: NodeJS.Timeout;
}

/** Marks updates applied while loading from the store, so they are not written back. */
const LOAD_ORIGIN = Symbol('load');
/** Marks changes the server itself makes (starter code). */
const SERVER_ORIGIN = Symbol('server');

/**
 * Loads documents from the store on first use, appends every update to the store, compacts
 * logs, and unloads documents nobody has used for a grace period (P-DOC-6). A document's first
 * sync step can only be sent after `acquire` resolves, so clients never see a half-loaded doc.
 */
export class DocManager {
  private readonly entries = new Map<string, Entry>();
  /** Documents being unloaded: a new load waits for their last writes. */
  private readonly closing = new Map<string, Promise<void>>();
  private readonly unloadGraceMs: number;
  private readonly compactAfterRows: number;
  private readonly onError: (err: unknown, docName: string) => void;

  constructor(
    private readonly store: Store,
    options: DocManagerOptions = {},
  ) {
    this.unloadGraceMs = options.unloadGraceMs ?? 30_000;
    this.compactAfterRows = options.compactAfterRows ?? 500;
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
      const created: Entry = {
        refs: 0,
        rows: 0,
        writes: Promise.resolve(),
        ready: Promise.resolve(null as never),
      };
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
  async flush(name: string): Promise<void> {
    await this.entries.get(name)?.writes;
  }

  /** Flushes, compacts and unloads every document (server shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.entries].map(([name, entry]) => this.unload(name, entry, true)));
    await Promise.all(this.closing.values());
  }

  private async load(name: string, entry: Entry): Promise<SharedDoc> {
    await this.closing.get(name);
    const updates = await this.store.loadUpdates(name);
    const shared = new SharedDoc(name);
    // Applying rows one by one in one transaction is fast; Y.mergeUpdates over many rows is not.
    shared.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(shared.doc, update);
    }, LOAD_ORIGIN);
    entry.rows = updates.length;
    shared.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      this.enqueueWrite(name, entry, () => this.store.appendUpdate(name, update));
      entry.rows += 1;
      if (entry.rows >= this.compactAfterRows) this.compact(name, entry, shared);
    });
    entry.shared = shared;
    return shared;
  }

  private compact(name: string, entry: Entry, shared: SharedDoc): void {
    entry.rows = 1;
    // Encoded now, so the snapshot covers exactly the updates queued before it.
    const state = Y.encodeStateAsUpdate(shared.doc);
    this.enqueueWrite(name, entry, () => this.store.replaceUpdates(name, state));
  }

  private enqueueWrite(name: string, entry: Entry, write: () => Promise<void>): void {
    entry.writes = entry.writes.then(write).catch((err) => this.onError(err, name));
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
      await entry.writes;
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
