import { CloseCode, DOC_RULES, docName } from '@mockloop/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { hostileFrames, updateInMessage } from '../../test/support/hostileUpdates.js';
import { SqliteStore } from '../store/SqliteStore.js';
import { CheckpointEncoder } from './CheckpointEncoder.js';
import { DocManager } from './DocManager.js';
import { DocUnloadable } from './DocUnloadable.js';

const stores: SqliteStore[] = [];
function newStore(): SqliteStore {
  const store = new SqliteStore(':memory:');
  stores.push(store);
  return store;
}

/** Appends one row, as the DocManager does (tests write rows behind its back). */
const append = (store: SqliteStore, doc: string, data: Uint8Array) =>
  store.appendUpdates(new Map([[doc, [{ data, at: Date.now(), author: null }]]]));
/** A document as the store would load it, applied into a fresh Y.Doc. */
async function stored(store: SqliteStore, doc: string): Promise<Y.Doc> {
  const { checkpoint, rows } = await store.loadDocument(doc);
  const restored = new Y.Doc();
  if (checkpoint) Y.applyUpdate(restored, checkpoint.state);
  for (const row of rows) Y.applyUpdate(restored, row.data);
  return restored;
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

function updateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('code').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('DocManager', () => {
  it('P-DOC-6: acquire resolves only after stored state has loaded', async () => {
    const store = newStore();
    await append(store, 'd', updateOf('stored'));
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = Object.create(store) as SqliteStore;
    slow.loadDocument = async (name) => {
      await gate;
      return store.loadDocument(name);
    };
    const docs = new DocManager(slow);
    let loaded = false;
    const acquiring = docs.acquire('d').then((shared) => {
      loaded = true;
      return shared;
    });
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(loaded).toBe(false);
    release();
    const shared = await acquiring;
    expect(shared.doc.getText('code').toString()).toBe('stored');
  });

  it('loads a document once for concurrent acquirers', async () => {
    const store = newStore();
    const spy = vi.spyOn(store, 'loadDocument');
    const docs = new DocManager(store);
    const [a, b] = await Promise.all([docs.acquire('d'), docs.acquire('d')]);
    expect(a).toBe(b);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('persists every update and unloads after the grace period with no connections', async () => {
    vi.useFakeTimers();
    const store = newStore();
    const docs = new DocManager(store, { unloadGraceMs: 1000 });
    const shared = await docs.acquire('d');
    shared.doc.getText('code').insert(0, 'abc');
    shared.doc.getText('code').insert(3, 'def');
    await docs.flush('d');
    expect(await store.countUpdates('d')).toBe(2);

    docs.release('d');
    await vi.advanceTimersByTimeAsync(999);
    expect(docs.isLoaded('d')).toBe(true);
    await vi.advanceTimersByTimeAsync(2);
    await vi.waitFor(() => expect(docs.size).toBe(0));
    await docs.flush(); // the unload's checkpoint, encoded on its thread
    // Unload wrote a checkpoint covering both rows; the rows stay (the history).
    const { checkpoint, rows } = await store.loadDocument('d');
    expect(checkpoint?.uptoSeq).toBe((await store.loadUpdates('d')).at(-1)?.seq);
    expect(rows).toEqual([]);
    expect(await store.countUpdates('d')).toBe(2);

    vi.useRealTimers();
    const again = await docs.acquire('d');
    expect(again).not.toBe(shared);
    expect(again.doc.getText('code').toString()).toBe('abcdef');
  });

  it('a new acquire during the grace period keeps the document loaded', async () => {
    vi.useFakeTimers();
    const docs = new DocManager(newStore(), { unloadGraceMs: 1000 });
    const first = await docs.acquire('d');
    docs.release('d');
    await vi.advanceTimersByTimeAsync(500);
    const second = await docs.acquire('d');
    await vi.advanceTimersByTimeAsync(5000);
    expect(second).toBe(first);
    expect(docs.isLoaded('d')).toBe(true);
  });

  it('S-DOC-3: writes a checkpoint once the rows reach the threshold, losing nothing and deleting nothing', async () => {
    const store = newStore();
    const docs = new DocManager(store, { compactAfterRows: 10 });
    const shared = await docs.acquire('d');
    for (let i = 0; i < 25; i++) shared.doc.getText('code').insert(i, String(i % 10));
    await docs.flush('d');
    const { checkpoint, rows } = await store.loadDocument('d');
    expect(checkpoint).not.toBeNull();
    expect(rows.length).toBeLessThan(10);
    expect(await store.countUpdates('d')).toBe(25);
    expect((await stored(store, 'd')).getText('code').toString()).toBe(shared.doc.getText('code').toString());
  });

  it('S-DOC-3: compaction keeps history: the load is unchanged, and the rows replay to every checkpoint', async () => {
    const store = newStore();
    // Each checkpoint's state is the live document at the moment of compaction.
    const checkpoints: Array<{ uptoSeq: number; state: Uint8Array }> = [];
    const docs = new DocManager(store, { compactAfterRows: 40 });
    const shared = await docs.acquire('d');
    const text = shared.doc.getText('code');
    const write = store.writeCheckpoint.bind(store);
    store.writeCheckpoint = async (name, checkpoint) => {
      checkpoints.push(checkpoint);
      await write(name, checkpoint);
    };
    for (let i = 0; i < 230; i++) {
      if (i % 7 === 3) text.delete(Math.floor(text.length / 2), 1);
      else text.insert(Math.floor((i * 31) % (text.length + 1)), String.fromCharCode(97 + (i % 26)));
      if (i === 100) {
        await docs.flush('d');
        // Before and after a compaction, a load gives the same document.
        const before = (await stored(store, 'd')).getText('code').toString();
        text.insert(0, '!');
        await docs.flush('d');
        expect((await stored(store, 'd')).getText('code').toString()).toBe(`!${before}`);
      }
    }
    await docs.flush('d');
    expect(checkpoints.length).toBeGreaterThanOrEqual(5);
    const rows = await store.loadUpdates('d');
    expect(rows.length).toBe(231); // nothing deleted
    for (const checkpoint of checkpoints) {
      const replayed = new Y.Doc();
      for (const row of rows.filter((r) => r.seq <= checkpoint.uptoSeq)) Y.applyUpdate(replayed, row.data);
      const fromCheckpoint = new Y.Doc();
      Y.applyUpdate(fromCheckpoint, checkpoint.state);
      expect(replayed.getText('code').toString()).toBe(fromCheckpoint.getText('code').toString());
      expect(Y.encodeStateVector(replayed)).toEqual(Y.encodeStateVector(fromCheckpoint));
    }
    expect((await stored(store, 'd')).getText('code').toString()).toBe(text.toString());
  });

  it('S-DOC-3: checkpoints are built on the encoder from the stored log, or from the live copy when it fails', async () => {
    for (const fails of [false, true]) {
      const store = newStore();
      const asked: number[] = [];
      const encoder = new CheckpointEncoder();
      const docs = new DocManager(store, {
        compactAfterRows: 10,
        checkpointEncoder: {
          encode: (parts) => {
            asked.push(parts.length);
            return fails ? Promise.reject(new Error('thread lost')) : encoder.encode(parts);
          },
          close: () => encoder.close(),
        },
        onError: () => {},
      });
      const shared = await docs.acquire('d');
      for (let i = 0; i < 25; i++) shared.doc.getText('code').insert(i, String(i % 10));
      await docs.flush('d');
      // The first checkpoint is made of the first 10 rows; the second of it and the next 10.
      expect(asked).toEqual([10, 11]);
      expect((await store.loadDocument('d')).checkpoint).not.toBeNull();
      expect((await stored(store, 'd')).getText('code').toString()).toBe(
        shared.doc.getText('code').toString(),
      );
      await docs.close();
    }
  });

  it('writes the updates of one event-loop turn together, every document in one append', async () => {
    const store = newStore();
    const appends = vi.spyOn(store, 'appendUpdates');
    const docs = new DocManager(store);
    const [d, e] = await Promise.all([docs.acquire('d'), docs.acquire('e')]);
    for (let i = 0; i < 3; i++) d.doc.getText('code').insert(i, 'x');
    e.doc.getText('code').insert(0, 'y');
    expect(appends).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    await docs.flush('d');
    expect(
      appends.mock.calls.map(([batch]) => [...batch].map(([name, rows]) => [name, rows.length])),
    ).toEqual([
      [
        ['d', 3],
        ['e', 1],
      ],
    ]);
    expect(await store.countUpdates('d')).toBe(3);
    expect(await store.countUpdates('e')).toBe(1);
  });

  it('a failed load is not cached', async () => {
    const store = newStore();
    const failing = Object.create(store) as SqliteStore;
    let fail = true;
    failing.loadDocument = async (name) => {
      if (fail) throw new Error('disk on fire');
      return store.loadDocument(name);
    };
    const docs = new DocManager(failing);
    await expect(docs.acquire('d')).rejects.toThrow('disk on fire');
    fail = false;
    await expect(docs.acquire('d')).resolves.toBeDefined();
  });

  const CODE = docName('AAAAAAAAAAAAAAAAAAAAAA', 'code', 1);

  it('P-DOC-10: skips stored rows that fail the rules, reports them, and compacts them away', async () => {
    const store = newStore();
    const log: string[] = [];
    await append(store, CODE, updateOf('kept'));
    const poison = hostileFrames().find((f) => f.name === 'a root the document does not have');
    await append(store, CODE, updateInMessage(poison?.frame as Uint8Array));
    await append(store, CODE, new Uint8Array([1, 200, 200, 200, 7]));
    const docs = new DocManager(store, { log: (m) => log.push(m) });
    const shared = await docs.acquire(CODE);
    expect(shared.doc.getText('code').toString()).toBe('kept');
    expect(shared.doc.share.has('payload')).toBe(false);
    expect(log.filter((m) => m.includes('refused'))).toHaveLength(2);
    await docs.flush();
    // A checkpoint now covers the bad rows: the next load does not meet them.
    const again = await store.loadDocument(CODE);
    expect(again.checkpoint?.uptoSeq).toBe(3);
    expect(again.rows).toEqual([]);
  });

  it('P-DOC-10: refuses a document whose rows pass the load budget', async () => {
    const store = newStore();
    const huge = new Y.Doc();
    const rows: Uint8Array[] = [];
    huge.on('update', (u: Uint8Array) => rows.push(u));
    for (let i = 0; i < 17; i++) huge.getText('code').insert(0, 'x'.repeat(1024 * 1024));
    for (const row of rows) await append(store, CODE, row);
    expect(rows.reduce((n, r) => n + r.length, 0)).toBeGreaterThan(DOC_RULES.code.maxBytes * 4);
    const docs = new DocManager(store);
    await expect(docs.acquire(CODE)).rejects.toBeInstanceOf(DocUnloadable);
    // Time: a budget of 0 ms refuses any document that has rows.
    const small = new SqliteStore(':memory:');
    stores.push(small);
    await append(small, CODE, updateOf('small'));
    await expect(new DocManager(small, { loadBudgetMs: -1 }).acquire(CODE)).rejects.toThrow(/server time/);
  });

  it('P-DOC-7: a copy broken by a failed update is dropped, its peers told to reconnect, and reloaded', async () => {
    const store = newStore();
    const errors: unknown[] = [];
    const docs = new DocManager(store, { onError: (err) => errors.push(err) });
    const shared = await docs.acquire('d');
    shared.doc.getText('code').insert(0, 'good');
    const closed: number[] = [];
    shared.peers.add({ send: () => {}, close: (code) => closed.push(code) });
    // 'd' has no rules, so this garbage reaches Yjs, which throws half way.
    expect(() => shared.applyUpdate(new Uint8Array([1, 1, 200, 1, 0, 4, 1]), { send: () => {} })).toThrow();
    await vi.waitFor(() => expect(closed).toEqual([CloseCode.DocumentReset]));
    const again = await docs.acquire('d');
    expect(again).not.toBe(shared);
    expect(again.doc.getText('code').toString()).toBe('good');
    expect(errors).toHaveLength(1);
  });
});
