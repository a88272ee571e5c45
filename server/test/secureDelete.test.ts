import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BOARD_API, NOTES_DOC } from '@mockloop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { RoomJanitor } from '../src/rooms/RoomJanitor.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { connectControl, createRoom, joinOk, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { openPgStore } from './support/pg.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const DAY = 24 * 60 * 60 * 1000;
const NOTES_CANARY = 'CANARY-PRIVATE-NOTES-7f3a91';
const IMAGE_CANARY = 'CANARY-BOARD-IMAGE-c42e06';

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  server = dir = undefined;
});

/** Every byte of the store's files (database, WAL, shared memory) as one latin1 string. */
function storeBytes(folder: string): string {
  return fs
    .readdirSync(folder)
    .filter((f) => f.startsWith('mockloop.sqlite'))
    .map((f) => fs.readFileSync(path.join(folder, f)).toString('latin1'))
    .join('\n');
}

describe('deleted rooms leave no bytes behind (P-ROOM-6)', () => {
  it('P-ROOM-6: after the janitor deletes a room, its private notes and image bytes are in neither the SQLite file nor its WAL', async () => {
    // SQLite whatever the suite's store: this is about its files.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-secure-delete-'));
    const store = new SqliteStore(path.join(dir, 'mockloop.sqlite'));
    server = await startTestServer({ store, docs: { unloadGraceMs: 0 } });
    const room = await createRoom(server.url, { roundType: 'system-design', name: 'Ivy' });
    const control = connectControl(server.url);
    const ivy = await joinOk(control, { roomId: room.roomId, secret: room.secret });
    const notesAccess = ivy.documents.notes;
    if (!notesAccess) throw new Error('the interviewer has notes');
    const notes = openDoc(server.wsUrl, notesAccess);
    // Long enough to spill into overflow pages as well as fit in one row.
    notes.doc.getText(NOTES_DOC.text).insert(0, `${NOTES_CANARY} ${'she hesitated on joins. '.repeat(400)}`);
    notes.doc.getText(NOTES_DOC.text).insert(0, `${NOTES_CANARY}\n`);
    await eventually(() => expect(notes.provider.synced).toBe(true));
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from(`${IMAGE_CANARY} `.repeat(3000)),
    ]);
    const upload = await fetch(`${server.url}${BOARD_API.files(room.roomId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${room.secret}`, 'content-type': 'image/png' },
      body: png,
    });
    expect(upload.status).toBe(201);
    notes.destroy();
    control.disconnect();
    await server.app.docs.flush();
    const app = server.app;
    await eventually(() => expect(app.docs.hasRoom(room.roomId)).toBe(false));
    // The test can see them while the room exists.
    const before = storeBytes(dir);
    expect(before).toContain(NOTES_CANARY);
    expect(before).toContain(IMAGE_CANARY);

    const janitor = new RoomJanitor(app.store, {
      retentionMs: 30 * DAY,
      inUse: () => false,
      now: () => Date.now() + 31 * DAY,
    });
    expect(await janitor.sweep()).toEqual([room.roomId]);
    const after = storeBytes(dir);
    expect(after).not.toContain(NOTES_CANARY);
    expect(after).not.toContain(IMAGE_CANARY);
    // A fragment of either is gone too (not just the whole string in one page).
    expect(after).not.toContain('CANARY-');
  });

  it('P-ROOM-6: on PostgreSQL the janitor vacuums the tables it deleted from, so dead tuples are reclaimed at once', async () => {
    const store = await openPgStore();
    server = await startTestServer({ store });
    const room = await createRoom(server.url, { roundType: 'coding', name: 'Ivy' });
    await store.appendUpdates(
      new Map([[`${room.roomId}.notes-1`, [{ data: new Uint8Array(64), at: 1, author: null }]]]),
    );
    const vacuumed = async () =>
      (
        await store.db.all<{ relname: string; last_vacuum: Date | null }>(
          'SELECT relname, last_vacuum FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname IN (?, ?)',
          ['doc_updates', 'files'],
        )
      ).filter((r) => r.last_vacuum !== null).length;
    expect(await vacuumed()).toBe(0);
    const janitor = new RoomJanitor(store, {
      retentionMs: 30 * DAY,
      inUse: () => false,
      now: () => Date.now() + 31 * DAY,
    });
    expect(await janitor.sweep()).toEqual([room.roomId]);
    await eventually(async () => expect(await vacuumed()).toBe(2));
  });
});
