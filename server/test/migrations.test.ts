import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PgStore } from '../src/store/PgStore.js';
import { SqliteStore } from '../src/store/SqliteStore.js';
import { EditedMigrationError } from '../src/store/sql/migrate.js';
import { SQLITE_MIGRATIONS } from '../src/store/sql/sqliteMigrations.js';
import { dropSchema, TEST_DATABASE_URL, testSchema } from './support/pg.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function sqliteFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-migrations-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'db.sqlite');
}

async function pgSchema(): Promise<string> {
  const schema = testSchema();
  cleanups.push(() => dropSchema(schema));
  return schema;
}

/** Every table's columns, by name, as the database describes them. */
async function columnsOf(store: SqliteStore | PgStore): Promise<Record<string, string[]>> {
  const rows =
    store instanceof SqliteStore
      ? (store.db.raw
          .prepare(
            `SELECT m.name AS tbl, p.name AS col FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
          )
          .all() as Array<{ tbl: string; col: string }>)
      : await store.db.all<{ tbl: string; col: string }>(
          'SELECT table_name AS tbl, column_name AS col FROM information_schema.columns WHERE table_schema = current_schema()',
        );
  const tables: Record<string, string[]> = {};
  for (const { tbl, col } of rows) tables[tbl] = [...(tables[tbl] ?? []), col];
  for (const cols of Object.values(tables)) cols.sort();
  // Each database records its migrations its own way (user_version, or a table of versions).
  delete tables.schema_migrations;
  delete tables.schema_checksums;
  return tables;
}

describe('migrations', () => {
  it('SQLite and PostgreSQL migrate to the same tables and columns (the two lists are kept in step)', async () => {
    const sqlite = new SqliteStore(sqliteFile());
    cleanups.push(() => sqlite.close());
    const pg = await PgStore.open(TEST_DATABASE_URL, { schema: await pgSchema() });
    cleanups.push(() => pg.close());
    expect(await columnsOf(pg)).toEqual(await columnsOf(sqlite));
  });

  it('a shipped SQLite migration that was edited stops the store from opening, saying so', async () => {
    const file = sqliteFile();
    const first = new SqliteStore(file);
    await first.close();
    const db = new Database(file);
    db.prepare('UPDATE schema_checksums SET checksum = ? WHERE version = 2').run('edited');
    db.close();
    expect(() => new SqliteStore(file)).toThrow(EditedMigrationError);
    expect(() => new SqliteStore(file)).toThrow(
      /SQLite migration 2 differs .* add the change as a new migration/,
    );
  });

  it('a SQLite database from before checksums has them recorded once, and opens', async () => {
    const file = sqliteFile();
    const old = new Database(file);
    for (const [v, sql] of SQLITE_MIGRATIONS.entries()) {
      old.exec(sql);
      old.pragma(`user_version = ${v + 1}`);
    }
    old.close();
    const store = new SqliteStore(file);
    cleanups.push(() => store.close());
    const recorded = store.db.raw.prepare('SELECT count(*) AS n FROM schema_checksums').get() as {
      n: number;
    };
    expect(recorded.n).toBe(SQLITE_MIGRATIONS.length);
  });

  it('a shipped PostgreSQL migration that was edited stops the store from opening, saying so', async () => {
    const schema = await pgSchema();
    const first = await PgStore.open(TEST_DATABASE_URL, { schema });
    await first.db.run('UPDATE schema_migrations SET checksum = ? WHERE version = 1', ['edited']);
    await first.close();
    await expect(PgStore.open(TEST_DATABASE_URL, { schema })).rejects.toThrow(
      /PostgreSQL migration 1 differs .* add the change as a new migration/,
    );
  });
});
