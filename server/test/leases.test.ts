import { describe, expect, it } from 'vitest';
import { PgRoomLeases } from '../src/cluster/PgRoomLeases.js';
import { DocManager } from '../src/documents/DocManager.js';
import { NotOwner } from '../src/documents/NotOwner.js';
import { openPgStore, TEST_DATABASE_URL } from './support/pg.js';

const room = () => `lease${Math.random().toString(36).slice(2, 10)}`.padEnd(22, 'x');

describe('room leases on PostgreSQL (P-NODE-1)', () => {
  it('P-NODE-1: one node holds a room; another is refused until the first gives it back or its connection dies', async () => {
    const [a, b] = [new PgRoomLeases(TEST_DATABASE_URL), new PgRoomLeases(TEST_DATABASE_URL)];
    try {
      const id = room();
      expect(await a.acquire(id)).toBe(true);
      expect(await a.acquire(id)).toBe(true); // held already
      expect(await b.acquire(id)).toBe(false);
      await a.release(id);
      expect(await b.acquire(id)).toBe(true);
      // b's lock connection ends (as when its process is killed): a may take the room at once.
      const other = room();
      expect(await b.acquire(other)).toBe(true);
      expect(await a.acquire(other)).toBe(false);
      await b.close();
      expect(await a.acquire(other)).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('P-NODE-1: a node without the lease refuses to load the room; its lost leases drop its rooms', async () => {
    const store = await openPgStore();
    const owner = new PgRoomLeases(TEST_DATABASE_URL);
    const elsewhere = new PgRoomLeases(TEST_DATABASE_URL);
    const docs = new DocManager(store, { leases: elsewhere });
    try {
      const name = `${room()}.code-1`;
      const roomId = name.split('.')[0] as string;
      expect(await owner.acquire(roomId)).toBe(true);
      await expect(docs.acquire(name)).rejects.toBeInstanceOf(NotOwner);
      await owner.release(roomId);
      const shared = await docs.acquire(name);
      const closed: number[] = [];
      shared.peers.add({ send: () => {}, close: (code) => closed.push(code) });
      // The lock connection fails while the node lives: it stops serving the room at once.
      await (elsewhere as unknown as { client: { end(): Promise<void> } }).client.end();
      await expect.poll(() => closed.length).toBe(1);
      expect(await owner.acquire(roomId)).toBe(true);
    } finally {
      await docs.close();
      await owner.close();
      await elsewhere.close();
      await store.close();
    }
  });
});
