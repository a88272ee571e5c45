import { createHash } from 'node:crypto';
import type { PgDb } from './PgDb.js';
import { POSTGRES_MIGRATIONS } from './postgresMigrations.js';
import type { SqliteDb } from './SqliteDb.js';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.js';

/**
 * Thrown when a migration this database already ran is not the one shipped now: a shipped
 * migration was edited, so databases migrated before and after the edit would differ for good.
 */
export class EditedMigrationError extends Error {
  constructor(dialect: string, version: number) {
    super(
      `${dialect} migration ${version} differs from the one this database ran: a shipped migration was edited. ` +
        'Restore it as it shipped and add the change as a new migration.',
    );
    this.name = 'EditedMigrationError';
  }
}

/** The checksum a migration is recorded with: sha-256 of its SQL, ignoring blank lines and indents. */
export function migrationChecksum(sql: string): string {
  const canonical = sql
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
  return createHash('sha256').update(canonical).digest('hex');
}

const CHECKSUMS_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_checksums (version INTEGER PRIMARY KEY, checksum TEXT NOT NULL)';

/**
 * Applies SQLite's pending migrations, each in its own transaction, recorded in user_version and
 * with its checksum; the ones already applied are checked against the shipped ones first. A
 * database from before checksums has them recorded as it stands (trusted once).
 */
export function migrateSqlite(db: SqliteDb): void {
  const raw = db.raw;
  raw.exec(CHECKSUMS_TABLE);
  const version = raw.pragma('user_version', { simple: true }) as number;
  const recorded = new Map(
    (raw.prepare('SELECT version, checksum FROM schema_checksums').all() as Checksum[]).map((r) => [
      r.version,
      r.checksum,
    ]),
  );
  const record = raw.prepare('INSERT OR REPLACE INTO schema_checksums (version, checksum) VALUES (?, ?)');
  for (let v = 1; v <= Math.min(version, SQLITE_MIGRATIONS.length); v++) {
    const shipped = migrationChecksum(SQLITE_MIGRATIONS[v - 1] ?? '');
    const seen = recorded.get(v);
    if (seen === undefined) record.run(v, shipped);
    else if (seen !== shipped) throw new EditedMigrationError('SQLite', v);
  }
  for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
    const sql = SQLITE_MIGRATIONS[v] ?? '';
    raw.transaction(() => {
      raw.exec(sql);
      raw.pragma(`user_version = ${v + 1}`);
      record.run(v + 1, migrationChecksum(sql));
    })();
  }
}

interface Checksum {
  version: number;
  checksum: string;
}

/**
 * Applies PostgreSQL's pending migrations in one transaction under an advisory lock, so nodes
 * starting together migrate once; each is recorded with its checksum, and those already applied
 * are checked against the shipped ones (the same rule as SQLite's).
 */
export async function migratePostgres(db: PgDb, schema?: string): Promise<void> {
  if (schema) await db.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await db.transaction(async (tx) => {
    await tx.run('SELECT pg_advisory_xact_lock(727001)');
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    await tx.run('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum TEXT');
    const done = new Map(
      (
        await tx.all<{ version: number; checksum: string | null }>(
          'SELECT version, checksum FROM schema_migrations',
        )
      ).map((r) => [Number(r.version), r.checksum]),
    );
    for (const [index, sql] of POSTGRES_MIGRATIONS.entries()) {
      const version = index + 1;
      const shipped = migrationChecksum(sql);
      if (done.has(version)) {
        const seen = done.get(version);
        if (seen === null) {
          await tx.run('UPDATE schema_migrations SET checksum = ? WHERE version = ?', [shipped, version]);
        } else if (seen !== shipped) {
          throw new EditedMigrationError('PostgreSQL', version);
        }
        continue;
      }
      await tx.run(sql);
      await tx.run('INSERT INTO schema_migrations (version, checksum) VALUES (?, ?)', [version, shipped]);
    }
  });
}
