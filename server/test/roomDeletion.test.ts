import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOARD_API, CloseCode, NOTES_DOC, RECORDING_API, ServerEvent } from '@mockloop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess } from '../../test-support/runProcess.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { connectControl, createRoom, joinOk, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { startServerProcess } from './support/serverProcess.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const NOTES_CANARY = 'CANARY-DELETE-NOTES-51be2c';
const CODE_CANARY = 'CANARY-DELETE-CODE-9d04aa';
const IMAGE_CANARY = 'CANARY-DELETE-IMAGE-e71f30';
const AUDIO_CANARY = 'CANARY-DELETE-AUDIO-4c19d7';
const roomDeleteCli = fileURLToPath(new URL('../dist/ops/roomDeleteCli.js', import.meta.url));

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  server = dir = undefined;
});

/** Every byte of the SQLite files (database, WAL, shared memory) as one latin1 string. */
function storeBytes(folder: string): string {
  return fs
    .readdirSync(folder)
    .filter((f) => f.startsWith('mockloop.sqlite'))
    .map((f) => fs.readFileSync(path.join(folder, f)).toString('latin1'))
    .join('\n');
}

/** A room in use: the interviewer's notes and code, an image, a recording, the candidate connected. */
async function busyRoom(s: TestServer) {
  const room = await createRoom(s.url, { roundType: 'system-design', name: 'Ivy' });
  const ivyControl = connectControl(s.url);
  const ivy = await joinOk(ivyControl, { roomId: room.roomId, secret: room.secret });
  const notes = openDoc(s.wsUrl, ivy.documents.notes ?? raise('the interviewer has notes'));
  notes.doc.getText(NOTES_DOC.text).insert(0, `${NOTES_CANARY} ${'pauses before joins. '.repeat(300)}`);
  const code = openDoc(s.wsUrl, ivy.documents.code);
  code.text.insert(0, `# ${CODE_CANARY}\n`);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from(`${IMAGE_CANARY} `.repeat(2000)),
  ]);
  const upload = await fetch(`${s.url}${BOARD_API.files(room.roomId)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${room.secret}`, 'content-type': 'image/png' },
    body: png,
  });
  expect(upload.status).toBe(201);
  await recordVoice(s, room.roomId, room.secret);
  const samControl = connectControl(s.url);
  const sam = await joinOk(samControl, { roomId: room.roomId, name: 'Sam' });
  const samCode = openDoc(s.wsUrl, sam.documents.code);
  await eventually(() => expect(samCode.text.toString()).toContain(CODE_CANARY));
  await s.app.docs.flush();
  return { room, ivyControl, samControl, sam, docs: [notes, code, samCode], samCode };
}

/** The interviewer's voice, one piece of it (P-AUDIO-1): deleted with the room like the rest. */
async function recordVoice(s: TestServer, roomId: string, secret: string) {
  const headers = { authorization: `Bearer ${secret}` };
  const start = await fetch(`${s.url}${RECORDING_API.start(roomId)}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ mimeType: 'audio/webm' }),
  });
  expect(start.status).toBe(201);
  const { recordingId } = (await start.json()) as { recordingId: string };
  const piece = await fetch(`${s.url}${RECORDING_API.piece(roomId, recordingId, 0)}`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'audio/webm;codecs=opus' },
    body: Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from(`${AUDIO_CANARY} `.repeat(500))]),
  });
  expect(piece.status).toBe(201);
}

const raise = (message: string): never => {
  throw new Error(message);
};

describe('deleting a room on request (P-ROOM-7)', () => {
  it('P-ROOM-7: a seated person deletes the room; its people are told and nothing of it stays in the SQLite files', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-room-delete-'));
    server = await startTestServer({ store: new SqliteStore(path.join(dir, 'mockloop.sqlite')) });
    const s = server;
    const busy = await busyRoom(s);
    const { room } = busy;
    const closeCodes: number[] = [];
    busy.samCode.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code);
    });
    let told = false;
    busy.samControl.on(ServerEvent.RoomDeleted, () => {
      told = true;
    });
    const before = storeBytes(dir);
    for (const canary of [NOTES_CANARY, CODE_CANARY, IMAGE_CANARY, AUDIO_CANARY])
      expect(before).toContain(canary);

    // An observer and a report key cannot; a stranger's bearer is not joined.
    const observerControl = connectControl(s.url);
    const observer = await joinOk(observerControl, { roomId: room.roomId, name: 'Obi' });
    const del = (bearer: string) =>
      fetch(`${s.url}/api/rooms/${room.roomId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${bearer}` },
      });
    expect((await del(observer.secret)).status).toBe(403);
    const key = (
      (await (
        await fetch(`${s.url}/api/rooms/${room.roomId}/report-key`, {
          headers: { authorization: `Bearer ${room.secret}` },
        })
      ).json()) as { key: string }
    ).key;
    expect((await del(key)).status).toBe(401);

    expect((await del(busy.sam.secret)).status).toBe(204);
    await eventually(() => expect(told).toBe(true));
    await eventually(() => expect(closeCodes).toContain(CloseCode.RoomDeleted));
    await eventually(() => expect(busy.samControl.connected).toBe(false));
    expect((await fetch(`${s.url}/api/rooms/${room.roomId}`)).status).toBe(404);
    expect((await del(room.secret)).status).toBe(401);
    // The writes of the connections still open when it went are not stored after it.
    await s.app.docs.flush();
    const after = storeBytes(dir);
    expect(after).not.toContain('CANARY-');
    for (const d of busy.docs) d.destroy();
    for (const c of [busy.ivyControl, busy.samControl, observerControl]) c.disconnect();
  });

  it('P-ROOM-7: npm run room:delete asks the running server, or changes the store when none runs', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-room-delete-cli-'));
    const dataDir = dir;
    const proc = await startServerProcess(dataDir, { DATABASE_URL: '', DATABASE_SCHEMA: '' });
    try {
      const first = await createRoom(proc.url);
      const second = await createRoom(proc.url);
      const control = connectControl(proc.url);
      await joinOk(control, { roomId: first.roomId, secret: first.secret });
      let told = false;
      control.on(ServerEvent.RoomDeleted, () => {
        told = true;
      });
      const running = await cli([first.roomId], { DATA_DIR: dataDir });
      expect(running.stdout).toContain('by the running server');
      expect(running.code).toBe(0);
      await eventually(() => expect(told).toBe(true));
      expect((await fetch(`${proc.url}/api/rooms/${first.roomId}`)).status).toBe(404);
      control.disconnect();
      await proc.stop();
      const offline = await cli([second.roomId], { DATA_DIR: dataDir });
      expect(offline.stdout).toContain('in the store (no server was running)');
      const missing = await cli([second.roomId], { DATA_DIR: dataDir });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('There is no room');
      expect(storeBytes(dataDir)).not.toContain(second.roomId);
    } finally {
      await proc.dispose();
    }
  });
});

function cli(args: string[], env: Record<string, string>) {
  return runProcess(roomDeleteCli, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    timeoutMs: 20_000,
  });
}
