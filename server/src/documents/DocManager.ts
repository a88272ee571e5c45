import { CloseCode, parseDocName } from '@mockloop/shared';
import * as Y from 'yjs';
import type { Metrics } from '../metrics/Metrics.js';
import type { DocumentLog } from '../store/DocumentLog.js';
import { type AwarenessPace, AwarenessPacer } from './AwarenessPacer.js';
import { CheckpointEncoder } from './CheckpointEncoder.js';
import { DocLoader } from './DocLoader.js';
import {
  DEFAULT_HISTORY_LIMITS,
  type HistoryLimits,
  HistoryQuota,
  historyFullMessage,
} from './HistoryQuota.js';
import { NotOwner } from './NotOwner.js';
import { LocalLeases, type RoomLeases } from './RoomLeases.js';
import type { SharedDoc } from './SharedDoc.js';
import { WriteBatcher } from './WriteBatcher.js';

export interface DocManagerOptions {
  /** How long a document with no connections stays loaded. */
  unloadGraceMs?: number;
  /** Compact a document's log once it holds this many rows. */
  compactAfterRows?: number;
  /** How often awareness changes are broadcast; default: an `AwarenessPacer` (50-200 ms by load). */
  awarenessPace?: AwarenessPace;
  /** Server time one document's load may take, applying its rows (default 3 s). */
  loadBudgetMs?: number;
  onError?: (err: unknown, docName: string) => void;
  /** Where skipped rows and repairs are reported. */
  log?: (message: string) => void;
  /** Told which rooms had document updates, at most once a minute per room (room expiry). */
  onActivity?: (roomId: string) => void;
  /** Which node serves a room's documents (default: this one, always). */
  leases?: RoomLeases;
  /** Bytes of stored history a document, a person and a room may gather (P-DOC-13). */
  history?: HistoryLimits;
  /** Builds checkpoints (default: a CheckpointEncoder, on a thread of its own). */
  checkpointEncoder?: Pick<CheckpointEncoder, 'encode' | 'close'>;
  /** Counts updates and times store writes (Prometheus). */
  metrics?: Pick<Metrics, 'docUpdates' | 'docUpdateBytes' | 'storeWrites' | 'storeBatchRows'>;
}

const ACTIVITY_EVERY_MS = 60_000;

interface Entry {
  name: string;
  ready: Promise<SharedDoc>;
  shared?: SharedDoc;
  refs: number;
  /** Rows stored since the latest checkpoint (when it reaches compactAfterRows, checkpoint). */
  rows: number;
  /** Their bytes (past the kind's size, checkpoint too: a load reads at most about twice that). */
  rowBytes: number;
  /** The highest sequence number of this document's rows that are in the store. */
  lastSeq: number;
  /**
   * What the next checkpoint is built from, off the event loop (CheckpointEncoder): the latest
   * checkpoint's state (or its encoding, still under way) and every row since, in order. Null
   * when the log is not known whole (rows skipped on load): then the live copy is encoded.
   */
  parts: Array<Uint8Array | Promise<Uint8Array>> | null;
  unloadTimer?: NodeJS.Timeout;
}

/** Marks changes the server itself makes (starter code). */
const SERVER_ORIGIN = Symbol('server');

/**
 * Loads documents from the store on first use, appends every update to the store, compacts
 * logs, and unloads documents nobody has used for a grace period (P-DOC-6). A document's first
 * sync step can only be sent after `acquire` resolves, so clients never see a half-loaded doc.
 * It keeps the cache (leases, pins, unload timers); `DocLoader` builds each copy from the store
 * and `WriteBatcher` writes.
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
  /** Their entries, so the writes still in flight can record their sequence numbers. */
  private readonly closingEntries = new Map<string, Entry>();
  /** Rooms being deleted: none of their documents may load (forgetRoom). */
  private readonly forgotten = new Set<string>();
  /**
   * Every store write (the turn's appends and the checkpoints), in one ordered chain: a
   * checkpoint never races an append, and each append reports its rows' sequence numbers.
   */
  private readonly writes: WriteBatcher;
  private readonly unloadGraceMs: number;
  private readonly compactAfterRows: number;
  private readonly awarenessPace: AwarenessPace;
  /** The pacer this manager made (and so stops), if it was not given one. */
  private readonly ownPacer?: AwarenessPacer;
  private readonly onError: (err: unknown, docName: string) => void;
  private readonly log: (message: string) => void;
  /** Builds documents from the store, bounded (P-DOC-10), for serving and for `read`. */
  private readonly loader: DocLoader;
  /** Builds checkpoints off the event loop. */
  private readonly encoder: Pick<CheckpointEncoder, 'encode' | 'close'>;
  private readonly lastActivity = new Map<string, number>();
  private readonly leases: RoomLeases;
  private readonly metrics?: DocManagerOptions['metrics'];
  /** Per room: how many of its documents are loaded or loading, and whether its lease is ours. */
  private readonly rooms = new Map<string, { docs: number; lease: Promise<boolean> }>();
  /** The history each room served here has stored, against its quota (P-DOC-13). */
  readonly history: HistoryQuota;

  constructor(store: DocumentLog, options: DocManagerOptions = {}) {
    this.unloadGraceMs = options.unloadGraceMs ?? 30_000;
    this.compactAfterRows = options.compactAfterRows ?? 500;
    if (options.awarenessPace) this.awarenessPace = options.awarenessPace;
    else this.awarenessPace = this.ownPacer = new AwarenessPacer();
    this.onError = options.onError ?? ((err, name) => console.error(`[docs] ${name}:`, err));
    this.log = options.log ?? ((message) => console.error(message));
    this.encoder = options.checkpointEncoder ?? new CheckpointEncoder();
    this.loader = new DocLoader(store, { loadBudgetMs: options.loadBudgetMs, log: this.log });
    this.onActivity = options.onActivity;
    this.leases = options.leases ?? new LocalLeases();
    this.metrics = options.metrics;
    this.writes = new WriteBatcher(store, {
      // The entry of a document being unloaded still learns where its last rows landed.
      onStored: (doc, seq) => {
        const entry = this.entries.get(doc) ?? this.closingEntries.get(doc);
        if (entry) entry.lastSeq = Math.max(entry.lastSeq, seq);
      },
      onError: this.onError,
      metrics: this.metrics,
    });
    this.history = new HistoryQuota(store, options.history ?? DEFAULT_HISTORY_LIMITS);
    // Every lease gone at once (the connection that held them died): another node may take the
    // rooms now, so stop serving them at once.
    this.leases.onLost(() => this.dropAll('this node lost its rooms'));
  }

  private readonly onActivity?: (roomId: string) => void;

  /** Number of documents in memory (loaded or loading). */
  get size(): number {
    return this.entries.size;
  }

  /** Rooms with a document loaded or loading here. */
  roomIds(): string[] {
    return [...this.rooms.keys()];
  }

  /** Whether any document of this room is in memory. */
  hasRoom(roomId: string): boolean {
    for (const name of this.entries.keys()) if (name.startsWith(`${roomId}.`)) return true;
    return false;
  }

  isLoaded(name: string): boolean {
    return this.entries.get(name)?.shared !== undefined;
  }

  /** Loads (once) and pins a document; pair every call with `release`. */
  async acquire(name: string): Promise<SharedDoc> {
    if (this.forgotten.has(parseDocName(name)?.roomId ?? '')) throw new Error('the room was deleted');
    let entry = this.entries.get(name);
    if (!entry) {
      const created: Entry = {
        name,
        refs: 0,
        rows: 0,
        rowBytes: 0,
        lastSeq: 0,
        parts: [],
        ready: Promise.resolve(null as never),
      };
      const lease = this.holdRoom(name);
      created.ready = lease.then((owned) => {
        if (!owned) throw new NotOwner(name);
        return this.load(name, created);
      });
      entry = created;
      this.entries.set(name, entry);
      // A failed load must not stay cached: the next acquire tries again.
      created.ready.catch(() => {
        if (this.entries.get(name) === created) this.entries.delete(name);
        this.letGoRoom(name);
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

  /** Unpins a document. With `shared`, only if it is still the loaded copy (not one reset since). */
  release(name: string, shared?: SharedDoc): void {
    const entry = this.entries.get(name);
    if (!entry || (shared && entry.shared !== shared)) return;
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
    await this.writes.flush();
  }

  /**
   * Reads a document without serving it: the live copy when this node has one, else a throwaway
   * copy built from the store (no lease needed, never a second live copy). For the report.
   */
  async read<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.entries.get(name)?.shared;
    if (live) return read(live.doc);
    const copy = await this.loader.loadCopy(name);
    try {
      return read(copy.doc);
    } finally {
      copy.destroy();
    }
  }

  /**
   * A room being deleted: its documents stop being served without a last write (updates not yet
   * stored are discarded, their peers closed with `code`), its lease is let go, and it cannot be
   * loaded again for a minute (by then the store has no grant for it). Resolves once no write of
   * it is pending, so the caller's delete is the last word.
   */
  async forgetRoom(roomId: string, code: number, reason: string): Promise<void> {
    this.forgotten.add(roomId);
    setTimeout(() => this.forgotten.delete(roomId), 60_000).unref();
    const mine = (name: string) => parseDocName(name)?.roomId === roomId;
    this.writes.discard(mine);
    const dropped = [...this.entries].filter(([name]) => mine(name));
    for (const [name, entry] of dropped) {
      this.entries.delete(name);
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    }
    const shared = await Promise.all(
      dropped.map(async ([name, entry]) => {
        const doc = await entry.ready.catch(() => undefined);
        if (!doc) return undefined; // a failed load let its room go itself
        doc.broken = true;
        for (const peer of [...doc.peers]) peer.close?.(code, reason);
        this.letGoRoom(name);
        return doc;
      }),
    );
    this.writes.discard(mine);
    await Promise.all([...this.closing].filter(([name]) => mine(name)).map(([, done]) => done));
    await this.writes.settled();
    for (const doc of shared) doc?.destroy();
  }

  /** Flushes, compacts and unloads every document (server shutdown). */
  async close(): Promise<void> {
    this.ownPacer?.close();
    await Promise.all([...this.entries].map(([name, entry]) => this.unload(name, entry, true)));
    await Promise.all(this.closing.values());
    await this.encoder.close();
  }

  /**
   * Loads a document (DocLoader: bounded, P-DOC-10) once its previous copy's last writes are
   * done. A load that skipped rows writes a checkpoint at once, so they are not met again.
   */
  private async load(name: string, entry: Entry): Promise<SharedDoc> {
    await this.closing.get(name);
    const loaded = await this.loader.load(name, this.awarenessPace);
    // A write of an earlier copy may have reported a later row while this one was loading.
    entry.lastSeq = Math.max(entry.lastSeq, loaded.lastSeq);
    entry.rows = loaded.rows;
    entry.rowBytes = loaded.rowBytes;
    entry.parts = loaded.skipped > 0 ? null : loaded.parts;
    const { shared } = loaded;
    this.attach(name, entry, shared);
    if (loaded.skipped > 0) {
      this.log(`[docs] ${name}: skipped ${loaded.skipped} stored row(s) that fail its rules; checkpointing`);
      this.compact(name, entry, shared);
    }
    return shared;
  }

  /** Wires a loaded document to the store: every later update is appended (or compacted). */
  private attach(name: string, entry: Entry, shared: SharedDoc): void {
    shared.historyRefusal = (author, bytes) => {
      const hit = this.history.wouldPass(name, author, bytes);
      return hit ? historyFullMessage(hit, this.history.limits) : null;
    };
    const compactAfterBytes = shared.rules?.maxBytes ?? Number.POSITIVE_INFINITY;
    const kind = parseDocName(name)?.kind ?? 'other';
    shared.onUpdate = (update, author) => {
      this.metrics?.docUpdates.inc({ kind });
      this.metrics?.docUpdateBytes.inc({ kind }, update.length);
      entry.rows += 1;
      entry.rowBytes += update.length;
      this.history.charge(name, author, update.length);
      this.noteActivity(name);
      // Every update is kept, with when and from whom: the history a replay needs (S-DOC-1).
      this.writes.add(name, { data: update, at: Date.now(), author: author ?? null });
      entry.parts?.push(update);
      if (entry.rows >= this.compactAfterRows || entry.rowBytes >= compactAfterBytes) {
        this.compact(name, entry, shared);
      }
    };
    shared.onBroken = (err) => this.reset(entry, shared, err);
    entry.shared = shared;
  }

  /**
   * A peer's update failed half way through Yjs: stop serving this copy. The updates applied
   * before it are written, the entry is dropped so the next connection loads from the store, and
   * every peer is told to reconnect (their sync brings back anything the store lacks).
   */
  private reset(entry: Entry, shared: SharedDoc, err: unknown): void {
    this.onError(err, `${entry.name}: an update failed half way; reloading from the store`);
    if (this.entries.get(entry.name) === entry) this.entries.delete(entry.name);
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    const done = this.writes.flush().then(() => {
      setImmediate(() => {
        for (const peer of [...shared.peers])
          peer.close?.(CloseCode.DocumentReset, 'the document was reloaded');
        shared.destroy();
      });
    });
    this.closing.set(entry.name, done);
    void done.finally(() => {
      if (this.closing.get(entry.name) === done) this.closing.delete(entry.name);
      this.letGoRoom(entry.name);
    });
  }

  /** Counts a document of its room as loading; the first takes the room's lease. */
  private holdRoom(name: string): Promise<boolean> {
    const roomId = parseDocName(name)?.roomId ?? name;
    let room = this.rooms.get(roomId);
    if (!room) {
      // The room's history is counted from the store once it is ours, before any write lands.
      const lease = this.leases.acquire(roomId).then(async (owned) => {
        if (!owned) return false;
        try {
          await this.history.open(roomId);
        } catch (err) {
          await this.leases.release(roomId);
          throw err;
        }
        return true;
      });
      room = { docs: 0, lease };
      this.rooms.set(roomId, room);
    }
    room.docs += 1;
    return room.lease;
  }

  /** A document of the room is gone; the last gives the lease back. */
  private letGoRoom(name: string): void {
    const roomId = parseDocName(name)?.roomId ?? name;
    const room = this.rooms.get(roomId);
    if (!room) return;
    room.docs -= 1;
    if (room.docs > 0) return;
    this.rooms.delete(roomId);
    this.history.close(roomId);
    void room.lease.then((owned) => (owned ? this.leases.release(roomId) : undefined)).catch(() => {});
  }

  /**
   * Stops serving every document at once: their unwritten updates are written (rows are safe to
   * append whoever owns the room now), no checkpoint, and every peer is told to reconnect.
   */
  private dropAll(reason: string): void {
    const written = this.writes.flush();
    const dropped = [...this.entries.values()];
    this.entries.clear();
    this.rooms.clear();
    this.history.clear();
    for (const entry of dropped) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      const shared = entry.shared;
      if (!shared) continue;
      shared.broken = true;
      for (const peer of [...shared.peers]) peer.close?.(CloseCode.DocumentReset, reason);
      void written.then(() => shared.destroy());
    }
  }

  private noteActivity(name: string): void {
    if (!this.onActivity) return;
    const roomId = parseDocName(name)?.roomId;
    if (!roomId) return;
    const now = Date.now();
    if (now - (this.lastActivity.get(roomId) ?? 0) < ACTIVITY_EVERY_MS) return;
    this.lastActivity.set(roomId, now);
    this.onActivity(roomId);
  }

  /**
   * Writes a checkpoint covering every row written so far (S-DOC-3). Its state is built on the
   * encoder's thread from the previous checkpoint and the rows since, which is what the store
   * holds up to it; the write waits for it in the chain, after those rows' appends, so `uptoSeq`
   * is theirs. When the log is not known whole, or the thread fails, the live copy is encoded
   * here instead: it holds every row so far too (and later ones, which are still written as rows
   * after it; applying them again on load changes nothing).
   */
  private compact(name: string, entry: Entry, shared: SharedDoc): void {
    entry.rows = 0;
    entry.rowBytes = 0;
    const parts = entry.parts;
    const encodeHere = () => Y.encodeStateAsUpdate(shared.doc);
    const state =
      parts === null
        ? Promise.resolve(encodeHere())
        : Promise.all(parts)
            .then((whole) => this.encoder.encode(whole))
            .catch((err: unknown) => {
              this.onError(err, `${name}: checkpoint encoded on the event loop instead`);
              return encodeHere();
            });
    entry.parts = [state];
    this.writes.checkpoint(name, async () => {
      const encoded = await state;
      shared.bytes = encoded.length;
      return { uptoSeq: entry.lastSeq, state: encoded, at: Date.now() };
    });
  }

  private async unload(name: string, entry: Entry, force = false): Promise<void> {
    if (this.entries.get(name) !== entry) return;
    if (!force && entry.refs > 0) return;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    this.entries.delete(name);
    this.closingEntries.set(name, entry);
    const done = (async () => {
      const shared = await entry.ready.catch(() => undefined);
      if (!shared) return;
      if (entry.rows > 0) this.compact(name, entry, shared);
      await this.writes.flush();
      shared.destroy();
    })();
    this.closing.set(name, done);
    try {
      await done;
    } finally {
      if (this.closing.get(name) === done) this.closing.delete(name);
      if (this.closingEntries.get(name) === entry) this.closingEntries.delete(name);
      this.letGoRoom(name);
    }
  }
}
