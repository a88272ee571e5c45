import type { PgDb } from './PgDb.js';
import { POSTGRES_MIGRATIONS } from './postgresMigrations.js';
import type { SqliteDb } from './SqliteDb.js';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.js';

/** Applies SQLite's pending migrations, each in its own transaction, recorded in user_version. */
export function migrateSqlite(db: SqliteDb): void {
  const raw = db.raw;
  const version = raw.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
    raw.transaction(() => {
      raw.exec(SQLITE_MIGRATIONS[v] ?? '');
      raw.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/**
 * Applies PostgreSQL's pending migrations in one transaction under an advisory lock, so nodes
 * starting together migrate once.
 */
export async function migratePostgres(db: PgDb, schema?: string): Promise<void> {
  if (schema) await db.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await db.transaction(async (tx) => {
    await tx.run('SELECT pg_advisory_xact_lock(727001)');
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    const done = new Set(
      (await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    for (const [index, sql] of POSTGRES_MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await tx.run(sql);
      await tx.run('INSERT INTO schema_migrations (version) VALUES (?)', [version]);
    }
  });
}
