import { afterEach, describe, expect, it, vi } from 'vitest';
import { Metrics } from '../metrics/Metrics.js';
import type { UpdateRow } from '../store/records.js';
import { SqliteStore } from '../store/SqliteStore.js';
import { WriteBatcher } from './WriteBatcher.js';

const stores: SqliteStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** A real store, in memory, and a batcher over it that records what it reports. */
function setup(store = new SqliteStore(':memory:')) {
  stores.push(store);
  const stored = new Map<string, number>();
  const errors: Array<{ err: unknown; label: string }> = [];
  const metrics = new Metrics();
  const batcher = new WriteBatcher(store, {
    onStored: (doc, seq) => stored.set(doc, Math.max(stored.get(doc) ?? 0, seq)),
    onError: (err, label) => errors.push({ err, label }),
    metrics,
  });
  return { store, batcher, stored, errors, metrics };
}

/** A row of `size` bytes whose first byte tells it apart (the store keeps any bytes). */
const row = (id: number, size = 8): UpdateRow => ({
  data: new Uint8Array(size).fill(id),
  at: id,
  author: null,
});
const turnEnd = () => new Promise((resolve) => setImmediate(resolve));
const MiB = 1024 * 1024;

describe('WriteBatcher', () => {
  it('rows that arrive while the chain waits go in one transaction, and none passes a checkpoint queued before it', async () => {
    const { store, batcher } = setup();
    const appends = vi.spyOn(store, 'appendUpdates');
    const written: string[] = [];
    const checkpointWrite = store.writeCheckpoint.bind(store);
    vi.spyOn(store, 'writeCheckpoint').mockImplementation(async (doc, checkpoint) => {
      written.push(`checkpoint upto ${checkpoint.uptoSeq}`);
      await checkpointWrite(doc, checkpoint);
    });
    let encoded: (() => void) | undefined;
    batcher.add('d', row(1));
    // A checkpoint whose state takes a while (its encoder's thread), covering row 1 only.
    batcher.checkpoint('d', async () => {
      await new Promise<void>((resolve) => {
        encoded = resolve;
      });
      return { uptoSeq: 1, state: new Uint8Array([0]), at: 0 };
    });
    for (let id = 2; id <= 6; id++) {
      batcher.add('d', row(id));
      await turnEnd();
    }
    await vi.waitFor(() => expect(encoded).toBeDefined());
    encoded?.();
    await batcher.flush();
    // Row 1, the checkpoint, then the five turns' rows together.
    expect(appends.mock.calls.map(([batch]) => batch.get('d')?.map((r) => r.data[0]))).toEqual([
      [1],
      [2, 3, 4, 5, 6],
    ]);
    expect(written).toEqual(['checkpoint upto 1']);
    expect((await store.loadDocument('d')).rows.map((r) => r.data[0])).toEqual([2, 3, 4, 5, 6]);
  });

  it("writes one turn's rows at its end, every document in one transaction", async () => {
    const { store, batcher, stored, metrics } = setup();
    const appends = vi.spyOn(store, 'appendUpdates');
    batcher.add('d', row(1));
    batcher.add('e', row(2));
    batcher.add('d', row(3));
    expect(appends).not.toHaveBeenCalled();
    await turnEnd();
    await batcher.settled();
    expect(appends.mock.calls.map(([batch]) => [...batch].map(([doc, rows]) => [doc, rows.length]))).toEqual([
      [
        ['d', 2],
        ['e', 1],
      ],
    ]);
    expect((await store.loadUpdates('d')).map((r) => r.data[0])).toEqual([1, 3]);
    expect(stored).toEqual(
      new Map([
        ['d', 2],
        ['e', 3],
      ]),
    );
    const rowsPerWrite = (await metrics.storeBatchRows.get()).values;
    expect(rowsPerWrite.find((v) => v.metricName?.endsWith('_count'))?.value).toBe(1);
    expect(rowsPerWrite.find((v) => v.metricName?.endsWith('_sum'))?.value).toBe(3);
  });

  it('splits a multi-MiB turn into several writes, each document still in order', async () => {
    const { store, batcher } = setup();
    const appends = vi.spyOn(store, 'appendUpdates');
    for (let i = 1; i <= 6; i++) {
      batcher.add('d', row(i, MiB));
      batcher.add('e', row(100 + i, MiB));
    }
    await batcher.flush();
    expect(appends.mock.calls.length).toBeGreaterThan(1);
    for (const [batch] of appends.mock.calls) {
      const bytes = [...batch.values()].flat().reduce((n, r) => n + r.data.length, 0);
      expect(bytes).toBeLessThanOrEqual(4 * MiB);
    }
    expect((await store.loadUpdates('d')).map((r) => r.data[0])).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await store.loadUpdates('e')).map((r) => r.data[0])).toEqual([101, 102, 103, 104, 105, 106]);
  });

  it('a checkpoint queued after appends is written after them, seeing their sequence numbers', async () => {
    const { store, batcher, stored } = setup();
    for (let i = 1; i <= 6; i++) batcher.add('d', row(i, MiB));
    batcher.checkpoint('d', () => ({ uptoSeq: stored.get('d') ?? 0, state: new Uint8Array([9]), at: 1 }));
    batcher.add('d', row(7));
    await batcher.flush();
    const { checkpoint, rows } = await store.loadDocument('d');
    expect(checkpoint?.uptoSeq).toBe(6);
    expect(rows.map((r) => r.data[0])).toEqual([7]);
  });

  it('flush waits for every row added and every checkpoint queued so far', async () => {
    const { store, batcher, stored } = setup();
    batcher.add('d', row(1));
    await turnEnd(); // this turn's append is in the chain now
    for (let i = 2; i <= 6; i++) batcher.add('d', row(i, MiB));
    batcher.checkpoint('d', () => ({ uptoSeq: stored.get('d') ?? 0, state: new Uint8Array([9]), at: 1 }));
    batcher.add('e', row(7));
    await batcher.flush();
    expect(await store.countUpdates('d')).toBe(6);
    expect(await store.countUpdates('e')).toBe(1);
    expect((await store.loadDocument('d')).checkpoint?.uptoSeq).toBe(6);
  });

  it('reports a failed write through onError and goes on with the next', async () => {
    const real = new SqliteStore(':memory:');
    const failing = Object.create(real) as SqliteStore;
    let fail = true;
    failing.appendUpdates = async (batch) => {
      if (fail) throw new Error('disk on fire');
      return real.appendUpdates(batch);
    };
    const { batcher, errors } = setup(failing);
    batcher.add('d', row(1));
    batcher.add('e', row(2));
    await batcher.flush();
    expect(errors.map(({ err, label }) => [(err as Error).message, label])).toEqual([
      ['disk on fire', 'd and 1 more'],
    ]);
    fail = false;
    batcher.add('d', row(3));
    await batcher.flush();
    expect((await real.loadUpdates('d')).map((r) => r.data[0])).toEqual([3]);
    expect(errors).toHaveLength(1);
  });

  it("discards the unwritten rows of the documents picked (a deleted room's), keeping the others", async () => {
    const { store, batcher } = setup();
    batcher.add('room1.code.1', row(1));
    batcher.add('room2.code.1', row(2));
    batcher.add('room1.notes.1', row(3));
    batcher.discard((doc) => doc.startsWith('room1.'));
    await batcher.flush();
    expect(await store.countUpdates('room1.code.1')).toBe(0);
    expect(await store.countUpdates('room1.notes.1')).toBe(0);
    expect(await store.countUpdates('room2.code.1')).toBe(1);
  });
});
