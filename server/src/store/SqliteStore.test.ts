import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from './SqliteStore.js';
import { type ParticipantRecord, SeatTakenError } from './Store.js';

let dir: string;
let store: SqliteStore;

const room = {
  id: 'room-1',
  roundType: 'coding',
  language: 'python',
  creatorRole: 'interviewer',
  createdAt: 1,
  lastActiveAt: 1,
  swapProposal: null,
} as const;

function participant(id: string, role: ParticipantRecord['role']): ParticipantRecord {
  return {
    id,
    roomId: room.id,
    secretHash: `hash-${id}`,
    name: id,
    role,
    color: '#fff',
    joinedAt: Date.now(),
  };
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-store-'));
  store = new SqliteStore(path.join(dir, 'db.sqlite'));
  await store.createRoom({ ...room });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SqliteStore', () => {
  it('runs in WAL mode with the file under the given path', () => {
    expect(fs.existsSync(path.join(dir, 'db.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'db.sqlite-wal'))).toBe(true);
  });

  it('stores rooms and participants and finds a participant by secret hash', async () => {
    await store.addParticipant(participant('a', 'interviewer'));
    expect(await store.getRoom(room.id)).toEqual(room);
    expect((await store.findParticipantBySecret(room.id, 'hash-a'))?.id).toBe('a');
    expect(await store.findParticipantBySecret(room.id, 'hash-zzz')).toBeNull();
    await store.setRoomLanguage(room.id, 'go');
    expect((await store.getRoom(room.id))?.language).toBe('go');
  });

  it('P-ROOM-3: refuses a second interviewer or candidate but seats any number of observers', async () => {
    await store.addParticipant(participant('a', 'interviewer'));
    await store.addParticipant(participant('b', 'candidate'));
    await expect(store.addParticipant(participant('c', 'interviewer'))).rejects.toBeInstanceOf(
      SeatTakenError,
    );
    await expect(store.addParticipant(participant('d', 'candidate'))).rejects.toBeInstanceOf(SeatTakenError);
    await store.addParticipant(participant('e', 'observer'));
    await store.addParticipant(participant('f', 'observer'));
    expect((await store.listParticipants(room.id)).map((p) => p.role)).toEqual([
      'interviewer',
      'candidate',
      'observer',
      'observer',
    ]);
  });

  it('appends updates in order, compacts them into one row, and keeps them across reopen', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const ch of 'hello') doc.getText('t').insert(doc.getText('t').length, ch);
    for (const u of updates) await store.appendUpdate('d1', u);
    expect(await store.countUpdates('d1')).toBe(5);

    await store.replaceUpdates('d1', Y.encodeStateAsUpdate(doc));
    expect(await store.countUpdates('d1')).toBe(1);
    await store.close();

    store = new SqliteStore(path.join(dir, 'db.sqlite'));
    const restored = new Y.Doc();
    for (const u of await store.loadUpdates('d1')) Y.applyUpdate(restored, u);
    expect(restored.getText('t').toString()).toBe('hello');
    expect(await store.loadUpdates('other')).toEqual([]);
  });

  it('appends a batch of updates to several documents, each in order', async () => {
    const typed = (text: string) => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
      return updates;
    };
    await store.appendUpdates(
      new Map([
        ['d2', typed('batch')],
        ['d3', typed('ok')],
      ]),
    );
    expect(await store.countUpdates('d2')).toBe(5);
    for (const [name, text] of [
      ['d2', 'batch'],
      ['d3', 'ok'],
    ] as const) {
      const restored = new Y.Doc();
      for (const u of await store.loadUpdates(name)) Y.applyUpdate(restored, u);
      expect(restored.getText('t').toString()).toBe(text);
    }
  });

  it('writes nothing of a batch that fails part way', async () => {
    const bad = null as unknown as Uint8Array; // fails on the second document, after the first was written
    await expect(
      store.appendUpdates(
        new Map([
          ['d4', [new Uint8Array([0, 0])]],
          ['d5', [bad]],
        ]),
      ),
    ).rejects.toThrow();
    expect(await store.countUpdates('d4')).toBe(0);
  });

  it('keeps meta values', async () => {
    expect(await store.getMeta('k')).toBeNull();
    await store.setMeta('k', 'v1');
    await store.setMeta('k', 'v2');
    expect(await store.getMeta('k')).toBe('v2');
  });
});
