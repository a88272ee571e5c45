import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../SqliteStore.js';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.js';

describe('SQLite migrations', () => {
  it('move a store of the earlier schema to seats on rounds, revisions and checkpoints, keeping its data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-migrate-'));
    const file = path.join(dir, 'db.sqlite');
    // A store as the previous release left it: four migrations, roles on participants.
    const old = new Database(file);
    for (const [v, sql] of SQLITE_MIGRATIONS.slice(0, 4).entries()) {
      old.exec(sql);
      old.pragma(`user_version = ${v + 1}`);
    }
    old.exec(`
      INSERT INTO rooms (id, round_type, language, creator_role, created_at, last_active_at) VALUES ('r', 'coding', 'go', 'interviewer', 1, 1);
      INSERT INTO participants (id, room_id, secret_hash, name, role, color, joined_at) VALUES
        ('ivy', 'r', 'h1', 'Ivy', 'interviewer', '#000', 1), ('cal', 'r', 'h2', 'Cal', 'candidate', '#111', 1),
        ('obi', 'r', 'h3', 'Obi', 'observer', '#222', 2);
      INSERT INTO rounds (room_id, number, started_at) VALUES ('r', 1, 1);
      INSERT INTO doc_updates (doc, data) VALUES ('r.code-1', x'0000');
    `);
    old.close();
    const store = new SqliteStore(file);
    expect((await store.listParticipants('r')).map((p) => [p.id, p.role])).toEqual([
      ['ivy', 'interviewer'],
      ['cal', 'candidate'],
      ['obi', 'observer'],
    ]);
    expect(await store.getCurrentRound('r')).toMatchObject({
      roundType: 'coding',
      interviewerId: 'ivy',
      candidateId: 'cal',
    });
    expect((await store.getRoom('r'))?.revision).toBe(0);
    expect((await store.loadDocument('r.code-1')).rows).toHaveLength(1);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
