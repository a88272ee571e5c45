import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloseCode, DOC_RULES, type DocAccess, type JoinResult } from '@mockloop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../src/store/openStore.js';
import { connectControl, createRoom, joinOk, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { hostileFrames, updateInMessage } from './support/hostileUpdates.js';
import { expectHealthy, openRawDoc } from './support/rawDocSocket.js';
import { type ServerProcess, startServerProcess } from './support/serverProcess.js';

let server: ServerProcess | undefined;
let dataDir = '';
const cleanups: Array<() => void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.dispose();
  server = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function seat(url: string): Promise<JoinResult> {
  const room = await createRoom(url, { roundType: 'coding', name: 'Ivy' });
  const socket = connectControl(url);
  cleanups.push(() => socket.disconnect());
  return joinOk(socket, { roomId: room.roomId, secret: room.secret });
}

function open(url: string, access: DocAccess) {
  const client = openDoc(url.replace('http', 'ws'), access);
  cleanups.push(() => client.destroy());
  return client;
}

/**
 * Appends rows to a document's log behind the server's back (it is stopped), as a corrupted disk
 * or an old bug would: straight into the store it uses, SQLite or PostgreSQL.
 */
async function poison(doc: string, rows: Uint8Array[]): Promise<void> {
  const store = await openStore({ dataDir, ...(server?.storeOptions ?? {}) });
  try {
    await store.appendUpdates(new Map([[doc, rows.map((data) => ({ data, at: 1, author: null }))]]));
  } finally {
    await store.close();
  }
}

describe('a poisoned store (P-DOC-10)', () => {
  it('starts, serves other rooms at once, repairs a document with bad rows and refuses one past its budget', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-poison-'));
    server = await startServerProcess(dataDir);
    const [healthy, repaired, refused] = [
      await seat(server.url),
      await seat(server.url),
      await seat(server.url),
    ];
    const a = open(server.url, healthy.documents.code);
    const b = open(server.url, repaired.documents.code);
    a.text.insert(0, 'healthy room');
    b.text.insert(0, 'kept text');
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    for (const c of [a, b]) c.destroy();
    await server.stop(); // flushes and unloads

    // 14 MB of updates full of subdocuments, plus other shapes Yjs would choke on, in room 2;
    // more than four times its size limit of valid text in room 3's notes.
    const frames = hostileFrames();
    const subdocs = updateInMessage(frames.find((f) => f.name === '2,000 subdocuments')?.frame as Uint8Array);
    const others = [
      '3e7 structs declared in 10 bytes',
      'a root the document does not have',
      'a truncated delete set',
    ].map((name) => updateInMessage(frames.find((f) => f.name === name)?.frame as Uint8Array));
    await poison(repaired.documents.code.name, [...Array.from({ length: 120 }, () => subdocs), ...others]);
    const big = new Y.Doc();
    const bigRows: Uint8Array[] = [];
    big.on('update', (u: Uint8Array) => bigRows.push(u));
    for (let i = 0; i * 900_000 < DOC_RULES.notes.maxBytes * 4 + 900_000; i++) {
      big.getText('notes').insert(0, 'n'.repeat(900_000));
    }
    await poison(refused.documents.notes?.name as string, bigRows);

    await server.restart();
    // The refused and repaired documents load in the background while the healthy room works.
    const refusedSocket = openRawDoc(server.wsUrl, refused.documents.notes as DocAccess);
    const repairedDoc = open(server.url, repaired.documents.code);
    const healthyDoc = open(server.url, healthy.documents.code);
    await expectHealthy(server.url);
    await eventually(() => expect(healthyDoc.text.toString()).toBe('healthy room'));
    await eventually(() => expect(repairedDoc.text.toString()).toBe('kept text'));
    expect(repairedDoc.doc.share.has('payload')).toBe(false);
    const closed = await (await refusedSocket).closed;
    expect(closed.code).toBe(CloseCode.DocumentUnloadable);
    expect(closed.reason).toMatch(/cannot be opened/);
    // The server's log reaches this process through a pipe, not in step with the socket.
    await eventually(() => expect(server?.output()).toMatch(/skipped 123 stored row\(s\)/));
    console.log(
      `poisoned store: healthy and repaired rooms synced after the restart; refused: ${closed.reason}`,
    );

    // The repair was written back: the next start loads it without skipping anything.
    repairedDoc.destroy();
    healthyDoc.destroy();
    await server.stop();
    await server.restart();
    const again = open(server.url, repaired.documents.code);
    await eventually(() => expect(again.text.toString()).toBe('kept text'));
    expect(server.output()).not.toMatch(/skipped/);
  });
});
