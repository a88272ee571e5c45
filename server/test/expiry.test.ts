import { BOARD_API } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { RoomJanitor } from '../src/rooms/RoomJanitor.js';
import { createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();
const DAY = 24 * 60 * 60 * 1000;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A janitor over the app's store whose clock is `days` ahead. */
function janitorIn(days: number, inUse: (roomId: string) => boolean = () => false) {
  return new RoomJanitor(t.server.app.store, {
    retentionMs: 30 * DAY,
    inUse,
    now: () => Date.now() + days * DAY,
  });
}

describe('room expiry (P-ROOM-5)', () => {
  it('deletes a room 30 days after its last activity, with its rows, files and documents', async () => {
    const room = await createRoom(t.server.url, { roundType: 'system-design', name: 'Ivy' });
    const ivy = await joinOk(t.control(), { roomId: room.roomId, secret: room.secret });
    const code = t.doc(ivy.documents.code);
    code.text.insert(0, 'print(1)');
    await eventually(() => expect(code.provider.synced).toBe(true));
    const upload = await fetch(`${t.server.url}${BOARD_API.files(room.roomId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${room.secret}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(upload.status).toBe(201);
    const { fileId } = (await upload.json()) as { fileId: string };
    code.destroy();
    await t.server.app.docs.flush();
    const store = t.server.app.store;
    expect(await store.countUpdates(ivy.documents.code.name)).toBeGreaterThan(0);

    expect(await janitorIn(29).sweep()).toEqual([]); // not yet
    expect(await janitorIn(31, (id) => id === room.roomId).sweep()).toEqual([]); // in use here
    expect(await janitorIn(31).sweep()).toEqual([room.roomId]);

    expect(await store.getRoom(room.roomId)).toBeNull();
    expect(await store.listParticipants(room.roomId)).toEqual([]);
    expect(await store.listRounds(room.roomId)).toEqual([]);
    expect(await store.countUpdates(ivy.documents.code.name)).toBe(0);
    expect(await store.getFile(room.roomId, fileId)).toBeNull();
    expect((await fetch(`${t.server.url}/api/rooms/${room.roomId}`)).status).toBe(404);
  });

  it('activity moves the expiry: a room is kept 30 days from its last use', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    await t.server.app.store.touchRoom(room.roomId, Date.now() + 10 * DAY); // used again 10 days on
    expect(await janitorIn(31).sweep()).toEqual([]);
    expect(await janitorIn(41).sweep()).toEqual([room.roomId]);
  });

  it('a join is recorded as activity', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    const before = (await t.server.app.store.getRoom(room.roomId))?.lastActiveAt ?? 0;
    await eventually(() => expect(Date.now()).toBeGreaterThan(before)); // "later" is a later millisecond
    const ivy = await joinOk(t.control(), { roomId: room.roomId, secret: room.secret });
    await eventually(async () =>
      expect((await t.server.app.store.getRoom(room.roomId))?.lastActiveAt).toBeGreaterThan(before),
    );
    expect(ivy.self.role).toBe('interviewer');
  });
});
