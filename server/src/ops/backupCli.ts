/**
 * `npm run backup [-- <file>]`: a consistent copy of the SQLite database while the server runs
 * (default `<DATA_DIR>/backups/mockloop-<time>.sqlite`), checked after it is written. For
 * PostgreSQL (`DATABASE_URL`) it says to use `pg_dump` instead.
 */
import path from 'node:path';
import { backupSqlite, sqliteFileIn } from './sqliteBackup.js';

const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
if (process.env.DATABASE_URL) {
  console.error(
    'This server stores in PostgreSQL (DATABASE_URL): back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=mockloop.dump "$DATABASE_URL"',
  );
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const destination = path.resolve(
  process.argv[2] ?? path.join(dataDir, 'backups', `mockloop-${stamp}.sqlite`),
);
const started = performance.now();
try {
  const check = await backupSqlite(sqliteFileIn(dataDir), destination);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Backed up ${check.rooms} rooms (${(check.bytes / 1024 / 1024).toFixed(1)} MiB, schema ${check.schemaVersion}) to ${destination} in ${seconds} s.`,
  );
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
