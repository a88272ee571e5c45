import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BOARD_API,
  BOARD_DOC,
  BOARD_FILE_MAX_BYTES,
  ClientEvent,
  type DocAccess,
  ServerEvent,
  seededRandom,
  type ViewFocused,
} from '@mockloop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardBinding } from '../../client/src/board/BoardBinding.js';
import { type ModelElement, SceneModel } from '../../client/src/board/sceneModel.js';
import { type App, createApp } from '../src/createApp.js';
import {
  type ControlSocket,
  connectControl,
  createRoom,
  type DocClient,
  joinOk,
  openDoc,
} from './support/clients.js';
import { eventually } from './support/eventually.js';
import { REPO_QUESTIONS } from './support/testServer.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();

async function seatThree(roundType = 'system-design') {
  const room = await createRoom(t.server.url, { roundType, name: 'Ivy' });
  const ivySocket = t.control();
  const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const calSocket = t.control();
  const cal = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal' });
  const obiSocket = t.control();
  const obi = await joinOk(obiSocket, { roomId: room.roomId, name: 'Obi' });
  return { room, ivy, cal, obi, sockets: { ivy: ivySocket, cal: calSocket, obi: obiSocket } };
}

/** A board client: a y-websocket connection, a model of Excalidraw, and the binding between them. */
function boardClient(access: DocAccess, name: string, seed: number, readOnly = false) {
  const client = t.doc(access);
  const scene = new SceneModel(name, seededRandom(seed));
  const binding = new BoardBinding(client.doc.getMap<ModelElement>(BOARD_DOC.elements), scene, {
    throttleMs: 5,
    readOnly,
  });
  return { client, scene, binding };
}

const content = (map: Iterable<ModelElement>) =>
  [...map]
    .map((e) => `${e.id}@${e.version}:${e.versionNonce}/${e.index}/${e.isDeleted}/${e.x}`)
    .sort()
    .join('\n');

const png = (bytes = 64) => {
  const data = Buffer.alloc(bytes);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data);
  return data;
};

function upload(url: string, roomId: string, secret: string | null, body: Buffer, type = 'image/png') {
  const headers: Record<string, string> = { 'content-type': type };
  if (secret) headers.authorization = `Bearer ${secret}`;
  return fetch(`${url}${BOARD_API.files(roomId)}`, { method: 'POST', headers, body });
}

describe('whiteboard over the real server (P-BOARD)', () => {
  it('P-BOARD-1: every participant gets the round board; observers read only', async () => {
    const { room, ivy, cal, obi } = await seatThree();
    for (const joined of [ivy, cal, obi]) {
      expect(joined.documents.board?.name).toBe(`${room.roomId}.board-1`);
    }
    expect(ivy.documents.board?.writable).toBe(true);
    expect(cal.documents.board?.writable).toBe(true);
    expect(obi.documents.board?.writable).toBe(false);
  });

  it('two players drawing at once through the server converge; the observer sees it and cannot write', async () => {
    const { ivy, cal, obi } = await seatThree();
    const a = boardClient(ivy.documents.board as DocAccess, 'ivy', 1);
    const b = boardClient(cal.documents.board as DocAccess, 'cal', 2);
    // The observer's page binds its board read-only, as the room does for observers.
    const o = boardClient(obi.documents.board as DocAccess, 'obi', 3, true);
    await eventually(() => expect(a.client.provider.synced && b.client.provider.synced).toBe(true));

    const random = seededRandom(42);
    let id = 0;
    for (let round = 0; round < 40; round++) {
      for (const { scene, binding } of [a, b]) {
        const live = scene.elements.filter((e) => !e.isDeleted);
        const target = live[Math.floor(random() * live.length)];
        if (!target || random() < 0.4) scene.add(`${scene.name}-${id++}`);
        else if (random() < 0.85) scene.update(target.id, { x: Math.floor(random() * 1000) });
        else scene.update(target.id, { isDeleted: true });
        binding.onLocalChange();
      }
      // Let messages cross in flight: edits interleave with peers' updates.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // A hostile observer writes anyway, straight into its copy: the server drops it (P-DOC-3).
    o.client.doc.getMap(BOARD_DOC.elements).set('observer-scribble', { id: 'observer-scribble', version: 1 });

    const elementsOf = (client: DocClient) => client.doc.getMap<ModelElement>(BOARD_DOC.elements).values();
    await eventually(() => {
      const reference = content(elementsOf(a.client));
      expect(content(elementsOf(b.client))).toBe(reference);
      expect(content(a.scene.elements)).toBe(reference);
      expect(content(b.scene.elements)).toBe(reference);
      expect(a.client.doc.getMap(BOARD_DOC.elements).size).toBe(id);
    }, 20_000);
    // The observer sees everything; its own scribble never left its browser (P-DOC-3).
    await eventually(() => {
      for (const element of elementsOf(a.client)) {
        expect(o.client.doc.getMap<ModelElement>(BOARD_DOC.elements).get(element.id)?.version).toBe(
          element.version,
        );
      }
    });
    await t.server.app.docs.flush(ivy.documents.board?.name as string);
    const stored = await t.server.app.docs.acquire(ivy.documents.board?.name as string);
    expect(stored.doc.getMap(BOARD_DOC.elements).has('observer-scribble')).toBe(false);
    expect(content(stored.doc.getMap<ModelElement>(BOARD_DOC.elements).values())).toBe(
      content(elementsOf(a.client)),
    );
    t.server.app.docs.release(ivy.documents.board?.name as string);
  });

  it('P-VIEW-1: the interviewer brings everyone to a view; nobody else can', async () => {
    const { sockets } = await seatThree();
    const seen: Array<{ who: string; focus: ViewFocused }> = [];
    for (const [who, socket] of Object.entries(sockets)) {
      socket.on(ServerEvent.ViewFocused, (focus) => seen.push({ who, focus }));
    }
    expect(await sockets.ivy.emitWithAck(ClientEvent.FocusView, { view: 'board' })).toEqual({
      ok: true,
      data: null,
    });
    await eventually(() => expect(seen.map((s) => s.who).sort()).toEqual(['cal', 'ivy', 'obi']));
    expect(seen[0]?.focus).toMatchObject({ view: 'board', byName: 'Ivy' });

    const refused = await sockets.cal.emitWithAck(ClientEvent.FocusView, { view: 'code' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await (sockets.ivy.emitWithAck as (e: string, p: unknown) => Promise<unknown>)(
      ClientEvent.FocusView,
      { view: 'slides' },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(seen).toHaveLength(3);
  });
});

describe('P-BOARD-3: whiteboard images', () => {
  it('a player uploads an image; every participant of the room fetches it by id; nobody else', async () => {
    const { room, cal, obi } = await seatThree();
    const bytes = png(300);
    const res = await upload(t.server.url, room.roomId, cal.secret, bytes);
    expect(res.status).toBe(201);
    const { fileId, mimeType, size } = (await res.json()) as {
      fileId: string;
      mimeType: string;
      size: number;
    };
    expect(Buffer.from(fileId, 'base64url')).toHaveLength(16);
    expect({ mimeType, size }).toEqual({ mimeType: 'image/png', size: 300 });

    // The same image again is the same file.
    const again = await upload(t.server.url, room.roomId, room.secret, bytes);
    expect(((await again.json()) as { fileId: string }).fileId).toBe(fileId);

    const url = `${t.server.url}${BOARD_API.file(room.roomId, fileId)}`;
    const got = await fetch(url, { headers: { authorization: `Bearer ${obi.secret}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    expect((await fetch(url)).status).toBe(401);
    // Another room's participant, even with the right id, gets nothing.
    const other = await createRoom(t.server.url, { roundType: 'system-design', name: 'Eve' });
    const cross = await fetch(`${t.server.url}${BOARD_API.file(other.roomId, fileId)}`, {
      headers: { authorization: `Bearer ${other.secret}` },
    });
    expect(cross.status).toBe(404);
  });

  it('refuses non-images (415), big images (413), observers (403) and strangers (401), with clear errors', async () => {
    const { room, cal, obi } = await seatThree();
    const html = await upload(
      t.server.url,
      room.roomId,
      cal.secret,
      Buffer.from('<html>hi</html>'),
      'text/html',
    );
    expect(html.status).toBe(415);
    expect(((await html.json()) as { error: { message: string } }).error.message).toMatch(
      /PNG, JPEG, GIF, WebP or SVG/,
    );

    const disguised = await upload(t.server.url, room.roomId, cal.secret, Buffer.from('<html>hi</html>'));
    expect(disguised.status).toBe(415);
    expect(((await disguised.json()) as { error: { message: string } }).error.message).toMatch(/not a valid/);

    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect((await upload(t.server.url, room.roomId, cal.secret, svg, 'image/svg+xml')).status).toBe(201);

    const big = await upload(t.server.url, room.roomId, cal.secret, png(BOARD_FILE_MAX_BYTES + 1));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/at most 3 MiB/);
    expect((await upload(t.server.url, room.roomId, cal.secret, png(BOARD_FILE_MAX_BYTES))).status).toBe(201);

    expect((await upload(t.server.url, room.roomId, obi.secret, png())).status).toBe(403);
    expect((await upload(t.server.url, room.roomId, null, png())).status).toBe(401);
  });
});

describe('the board and its images survive a restart', () => {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  it('elements and images come back from the store alone', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-board-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const start = async () => {
      const app: App = await createApp({ dataDir, questionsDir: REPO_QUESTIONS });
      const port = await app.listen(0, '127.0.0.1');
      return { app, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` };
    };
    const first = await start();
    const room = await createRoom(first.url, { roundType: 'system-design', name: 'Ivy' });
    const socket: ControlSocket = connectControl(first.url);
    const ivy = await joinOk(socket, { roomId: room.roomId, secret: room.secret });
    const client = openDoc(first.wsUrl, ivy.documents.board as DocAccess);
    const scene = new SceneModel('ivy', seededRandom(9));
    const binding = new BoardBinding(client.doc.getMap<ModelElement>(BOARD_DOC.elements), scene, {
      throttleMs: 1,
    });
    for (let i = 0; i < 25; i++) scene.add(`box-${i}`);
    binding.flush();
    const image = await upload(first.url, room.roomId, room.secret, png(1000));
    const { fileId } = (await image.json()) as { fileId: string };
    await eventually(() => expect(client.provider.synced).toBe(true));
    await eventually(async () => {
      const stored = await first.app.store.loadUpdates(ivy.documents.board?.name as string);
      expect(stored.length).toBeGreaterThan(0);
    });
    binding.destroy();
    client.destroy();
    socket.disconnect();
    await first.app.close();

    const second = await start();
    cleanup.push(() => second.app.close());
    const again = await joinOk(connectControl(second.url), { roomId: room.roomId, secret: room.secret });
    const fresh = openDoc(second.wsUrl, again.documents.board as DocAccess);
    cleanup.push(() => fresh.destroy());
    const freshScene = new SceneModel('fresh', seededRandom(10));
    const freshBinding = new BoardBinding(fresh.doc.getMap<ModelElement>(BOARD_DOC.elements), freshScene);
    cleanup.push(() => freshBinding.destroy());
    await eventually(() =>
      expect(freshScene.elements.map((e) => e.id).sort()).toEqual(scene.elements.map((e) => e.id).sort()),
    );
    const got = await fetch(`${second.url}${BOARD_API.file(room.roomId, fileId)}`, {
      headers: { authorization: `Bearer ${room.secret}` },
    });
    expect(got.status).toBe(200);
    expect((await got.arrayBuffer()).byteLength).toBe(1000);
  });
});
