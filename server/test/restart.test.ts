import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/openStore.js';
import {
  type ControlSocket,
  connectControl,
  createRoom,
  type DocClient,
  joinOk,
  openDoc,
} from './support/clients.js';
import { eventually } from './support/eventually.js';
import { type ServerProcess, startServerProcess } from './support/serverProcess.js';

/** Rows (and a checkpoint) the running server has written for a document, read from its store. */
async function storedRows(server: ServerProcess, dataDir: string, doc: string): Promise<number> {
  const store = await openStore({ dataDir, ...server.storeOptions });
  try {
    const stored = await store.loadDocument(doc);
    return stored.rows.length + (stored.checkpoint ? 1 : 0);
  } finally {
    await store.close();
  }
}

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('crash and restart (server/dist/main.js as its own process)', () => {
  it('SIGKILL mid-session keeps code, language and roles; offline edits merge on reconnect', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-restart-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const server: ServerProcess = await startServerProcess(dataDir);
    cleanup.push(() => server.dispose());
    const wsUrl = server.url.replace('http', 'ws');

    const room = await createRoom(server.url, { roundType: 'coding', name: 'Ivy' });
    const sockets: ControlSocket[] = [connectControl(server.url), connectControl(server.url)];
    cleanup.push(() => {
      for (const s of sockets) s.disconnect();
    });
    const [sa, sb] = sockets as [ControlSocket, ControlSocket];
    const ivy = await joinOk(sa, { roomId: room.roomId, secret: room.secret });
    const cal = await joinOk(sb, { roomId: room.roomId, name: 'Cal' });
    expect((await sa.emitWithAck('room:set-language', { language: 'typescript' })).ok).toBe(true);

    const a: DocClient = openDoc(wsUrl, ivy.documents.code);
    const b: DocClient = openDoc(wsUrl, cal.documents.code);
    cleanup.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    a.text.insert(0, 'function solve() {}\n');
    await eventually(() => expect(b.text.toString()).toBe('function solve() {}\n'));
    // Wait until the server has written the edit, then crash it with no chance to flush.
    await eventually(() => expect(b.provider.synced).toBe(true));
    await server.kill();

    // Both keep typing while the server is down.
    await eventually(() => expect(a.provider.wsconnected || b.provider.wsconnected).toBe(false));
    a.text.insert(0, '// by Ivy offline\n');
    b.text.insert(b.text.length, '// by Cal offline\n');

    await server.restart();
    // The clients reconnect by themselves and the offline edits merge everywhere.
    await eventually(() => {
      expect(a.text.toString()).toBe(b.text.toString());
      expect(a.text.toString()).toContain('// by Ivy offline');
      expect(a.text.toString()).toContain('// by Cal offline');
      expect(a.text.toString()).toContain('function solve() {}');
    }, 20_000);

    // A fresh client (a refreshed browser) sees everything from the server alone.
    const again = await joinOk(connectControl(server.url), { roomId: room.roomId, secret: cal.secret });
    expect(again.self).toMatchObject({ id: cal.self.id, role: 'candidate', name: 'Cal' });
    expect(again.room.language).toBe('typescript');
    const fresh = openDoc(wsUrl, again.documents.code);
    cleanup.push(() => fresh.destroy());
    await eventually(() => expect(fresh.text.toString()).toBe(a.text.toString()));
    // And the control sockets re-joined with their secrets after the restart.
    await eventually(() => expect(sa.connected && sb.connected).toBe(true), 20_000);
    const ivyAgain = await joinOk(sa, { roomId: room.roomId, secret: ivy.secret });
    expect(ivyAgain.self.role).toBe('interviewer');
  });

  it('SIGKILL right after an edit is stored: the server alone restores it from its store', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-restart-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess(dataDir);
    cleanup.push(() => server.dispose());
    const wsUrl = server.url.replace('http', 'ws');
    const room = await createRoom(server.url, { roundType: 'coding', name: 'Ivy' });
    const socket = connectControl(server.url);
    cleanup.push(() => socket.disconnect());
    const ivy = await joinOk(socket, { roomId: room.roomId, secret: room.secret });

    const writer = openDoc(wsUrl, ivy.documents.code);
    // A second tab: its own join, so its own client id (P-ID-3).
    const secondTab = await joinOk(socket, {
      roomId: room.roomId,
      secret: room.secret,
      tab: 'second-tab-0000000',
    });
    const watcher = openDoc(wsUrl, secondTab.documents.code);
    writer.text.insert(0, 'x = 42\n');
    await eventually(() => expect(watcher.text.toString()).toBe('x = 42\n'));
    // Relayed is not yet stored: the server writes at the end of its event-loop turn (DocManager).
    // Wait for the row itself in the store the server uses, then crash it.
    await eventually(async () =>
      expect(await storedRows(server, dataDir, ivy.documents.code.name)).toBeGreaterThan(0),
    );
    writer.destroy();
    watcher.destroy();
    await server.kill();
    await server.restart();

    const fresh = openDoc(wsUrl, ivy.documents.code);
    cleanup.push(() => fresh.destroy());
    await eventually(() => expect(fresh.provider.synced).toBe(true));
    expect(fresh.text.toString()).toBe('x = 42\n');
  });
});
