import { DOC_RULES, docName } from '@mockloop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/SqliteStore.js';
import { DocLoader } from './DocLoader.js';
import { DocUnloadable } from './DocUnloadable.js';

const stores: SqliteStore[] = [];
function newStore(): SqliteStore {
  const store = new SqliteStore(':memory:');
  stores.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const append = (store: SqliteStore, doc: string, data: Uint8Array) =>
  store.appendUpdates(new Map([[doc, [{ data, at: Date.now(), author: null }]]]));

/** An update that writes `text` into the root `root` of a fresh document. */
function updateOf(text: string, root = 'code'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(root).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** A code document: it has rules, so its rows are scanned. */
const CODE = docName('AAAAAAAAAAAAAAAAAAAAAA', 'code', 1);
/** Not a document name: no rules, so every row reaches Yjs (as in the DocManager's own tests). */
const RULELESS = 'd';
/** Passes no scan, and Yjs throws on it part way through. */
const GARBAGE = new Uint8Array([1, 1, 200, 1, 0, 4, 1]);

describe('DocLoader', () => {
  it('builds a document from its checkpoint and the rows after it', async () => {
    const store = newStore();
    await append(store, CODE, updateOf('one'));
    const before = new Y.Doc();
    Y.applyUpdate(before, updateOf('one'));
    await store.writeCheckpoint(CODE, { uptoSeq: 1, state: Y.encodeStateAsUpdate(before), at: 0 });
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(before));
    const rows: Uint8Array[] = [];
    later.on('update', (u: Uint8Array) => rows.push(u));
    later.getText('code').insert(3, ' two');
    later.getText('code').insert(7, ' three');
    for (const row of rows) await append(store, CODE, row);

    const log: string[] = [];
    const loaded = await new DocLoader(store, { log: (m) => log.push(m) }).load(CODE);
    expect(loaded.shared.doc.getText('code').toString()).toBe('one two three');
    expect(loaded).toMatchObject({ rows: 2, lastSeq: 3, skipped: 0 });
    expect(loaded.rowBytes).toBe(rows.reduce((n, r) => n + r.length, 0));
    expect(loaded.shared.rules).toBe(DOC_RULES.code);
    expect(log).toEqual([]);
    loaded.shared.destroy();
  });

  it('an empty log loads an empty document', async () => {
    const loaded = await new DocLoader(newStore()).load(CODE);
    expect(loaded).toMatchObject({ rows: 0, rowBytes: 0, lastSeq: 0, skipped: 0 });
    expect(loaded.shared.doc.getText('code').toString()).toBe('');
    loaded.shared.destroy();
  });

  it('P-DOC-10: skips and reports the rows the scan refuses, applying the rest', async () => {
    const store = newStore();
    await append(store, CODE, updateOf('kept'));
    await append(store, CODE, updateOf('smuggled', 'payload')); // a root code documents lack
    await append(store, CODE, new Uint8Array([1, 200, 200, 200, 7]));
    const log: string[] = [];
    const loaded = await new DocLoader(store, { log: (m) => log.push(m) }).load(CODE);
    expect(loaded.shared.doc.getText('code').toString()).toBe('kept');
    expect(loaded.shared.doc.share.has('payload')).toBe(false);
    expect(loaded.skipped).toBe(2);
    expect(loaded.lastSeq).toBe(3);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/stored row 1 refused/);
    expect(log[1]).toMatch(/stored row 2 refused/);
    loaded.shared.destroy();
  });

  it('P-DOC-10: a row Yjs throws on is left out, the copy built again without it', async () => {
    const store = newStore();
    const first = new Y.Doc();
    const rows: Uint8Array[] = [];
    first.on('update', (u: Uint8Array) => rows.push(u));
    first.getText('code').insert(0, 'before');
    first.getText('code').insert(6, ' after');
    const [before, after] = rows as [Uint8Array, Uint8Array];
    await append(store, RULELESS, before);
    await append(store, RULELESS, GARBAGE);
    await append(store, RULELESS, after);
    const log: string[] = [];
    const loaded = await new DocLoader(store, { log: (m) => log.push(m) }).load(RULELESS);
    expect(loaded.shared.doc.getText('code').toString()).toBe('before after');
    expect(loaded.skipped).toBe(1);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/stored row 1 failed to apply .*reloading without it/);
    loaded.shared.destroy();
  });

  it('P-DOC-10: gives up on a document with more broken rows than it retries', async () => {
    const store = newStore();
    await append(store, RULELESS, updateOf('fine'));
    for (let i = 0; i < 9; i++) await append(store, RULELESS, GARBAGE);
    const log: string[] = [];
    const loading = new DocLoader(store, { log: (m) => log.push(m) }).load(RULELESS);
    await expect(loading).rejects.toBeInstanceOf(DocUnloadable);
    await expect(loading).rejects.toThrow(/too many of its stored rows are damaged/);
    expect(log).toHaveLength(9);
  });

  it('P-DOC-10: refuses a document whose stored bytes pass a few times its kind size, before applying any', async () => {
    const store = newStore();
    const notes = docName('AAAAAAAAAAAAAAAAAAAAAA', 'notes', 1);
    // The bound is checked on the bytes alone: these rows are never scanned or applied.
    const row = new Uint8Array(DOC_RULES.notes.maxBytes);
    for (let i = 0; i < 5; i++) await append(store, notes, row);
    const log: string[] = [];
    const loading = new DocLoader(store, { log: (m) => log.push(m) }).load(notes);
    await expect(loading).rejects.toBeInstanceOf(DocUnloadable);
    await expect(loading).rejects.toThrow(/more than the server loads/);
    expect(log).toEqual([]);
  });

  it('P-DOC-10: refuses a document that takes longer than its time budget to apply', async () => {
    const store = newStore();
    await append(store, CODE, updateOf('small'));
    const loader = new DocLoader(store, { loadBudgetMs: -1 });
    await expect(loader.load(CODE)).rejects.toThrow(/more than -1 ms of server time/);
    await expect(loader.loadCopy(CODE)).rejects.toBeInstanceOf(DocUnloadable);
    // The same document within a budget loads.
    const loaded = await new DocLoader(store).load(CODE);
    expect(loaded.shared.doc.getText('code').toString()).toBe('small');
    loaded.shared.destroy();
  });

  it('loadCopy builds a throwaway copy the same way, skipping refused rows', async () => {
    const store = newStore();
    await append(store, CODE, updateOf('report me'));
    await append(store, CODE, new Uint8Array([1, 200, 200, 200, 7]));
    const log: string[] = [];
    const copy = await new DocLoader(store, { log: (m) => log.push(m) }).loadCopy(CODE);
    expect(copy.doc.getText('code').toString()).toBe('report me');
    expect(log).toHaveLength(1);
    copy.destroy();
  });
});
