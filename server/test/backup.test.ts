import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CODE_DOC } from '@mockloop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { connectControl, createRoom, joinOk, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { type ServerProcess, startServerProcess } from './support/serverProcess.js';

const run = promisify(execFile);
const dist = fileURLToPath(new URL('../dist/ops/', import.meta.url));
const folders: string[] = [];
const servers: ServerProcess[] = [];
const cleanups: Array<() => void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const server of servers.splice(0)) await server.dispose();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-backup-'));
  folders.push(dir);
  return dir;
}

/** Runs one of the ops commands as an operator would, on a data folder. */
function ops(command: 'backupCli.js' | 'restoreCli.js', dataDir: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...SQLITE };
  return run(process.execPath, [path.join(dist, command), ...args], { env });
}

/** The embedded store whatever the test matrix: PostgreSQL's backup is pg_dump (README, "Data care"). */
const SQLITE = { DATABASE_URL: '', DATABASE_SCHEMA: '' };

describe('backup and restore (SQLite)', () => {
  it('a backup taken while someone types is consistent; restored into a fresh folder, the room opens with its seat and code', async () => {
    const live = folder();
    const server = await startServerProcess(live, SQLITE);
    servers.push(server);
    const room = await createRoom(server.url, { roundType: 'coding', name: 'Ivy' });
    const socket = connectControl(server.url);
    cleanups.push(() => socket.disconnect());
    const ivy = await joinOk(socket, { roomId: room.roomId, secret: room.secret });
    const editor = openDoc(server.wsUrl, ivy.documents.code);
    cleanups.push(() => editor.destroy());
    await eventually(() => expect(editor.provider.synced).toBe(true));

    // Ivy types one line every few milliseconds while the backup runs.
    let typing = true;
    let lines = 0;
    const typist = (async () => {
      while (typing) {
        editor.doc
          .getText(CODE_DOC.text)
          .insert(editor.doc.getText(CODE_DOC.text).length, `line ${lines++}\n`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await eventually(() => expect(lines).toBeGreaterThan(50));
    const file = path.join(folder(), 'mockloop.backup.sqlite');
    const backedUp = await ops('backupCli.js', live, [file]);
    expect(backedUp.stdout).toMatch(/Backed up 1 rooms/);
    typing = false;
    await typist;

    // A restore refuses while the server runs on that folder, and works into a stopped one.
    const fresh = folder();
    fs.writeFileSync(path.join(fresh, 'mockloop.pid'), `${process.pid}\n`);
    await expect(ops('restoreCli.js', fresh, [file])).rejects.toMatchObject({
      stderr: expect.stringMatching(/stop it first/),
    });
    fs.rmSync(path.join(fresh, 'mockloop.pid'));
    const restored = await ops('restoreCli.js', fresh, [file]);
    expect(restored.stdout).toMatch(/Restored 1 rooms/);

    const again = await startServerProcess(fresh, SQLITE);
    servers.push(again);
    const socket2 = connectControl(again.url);
    cleanups.push(() => socket2.disconnect());
    const back = await joinOk(socket2, { roomId: room.roomId, secret: room.secret });
    expect(back.self).toMatchObject({ id: ivy.self.id, role: 'interviewer' });
    const reader = openDoc(again.wsUrl, back.documents.code);
    cleanups.push(() => reader.destroy());
    await eventually(() => expect(reader.provider.synced).toBe(true));
    // One moment of the typing: the lines up to some n, whole and in order, nothing torn.
    const text = reader.doc.getText(CODE_DOC.text).toString();
    const restoredLines = text.split('\n').filter(Boolean);
    expect(restoredLines.length).toBeGreaterThan(0);
    expect(restoredLines).toEqual(restoredLines.map((_, i) => `line ${i}`));
  });

  it('a damaged or foreign file is refused and the database is left as it was', async () => {
    const data = folder();
    const junk = path.join(data, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all');
    await expect(ops('restoreCli.js', data, [junk])).rejects.toMatchObject({
      stderr: expect.stringMatching(/Restore failed/),
    });
    expect(fs.existsSync(path.join(data, 'mockloop.sqlite'))).toBe(false);
  });

  it('on PostgreSQL the command says to use pg_dump and writes nothing', async () => {
    const data = folder();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: data,
      DATABASE_URL: 'postgres://127.0.0.1/test',
    };
    await expect(run(process.execPath, [path.join(dist, 'backupCli.js')], { env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/pg_dump/),
    });
    expect(fs.readdirSync(data)).toEqual([]);
  });
});
