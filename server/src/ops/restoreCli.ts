/**
 * `npm run restore -- <backup file>`: puts a backup in place of `<DATA_DIR>/mockloop.sqlite`, with
 * the server stopped; the database it replaces is kept beside it.
 */
import path from 'node:path';
import { restoreSqlite } from './sqliteBackup.js';

const backup = process.argv[2];
if (!backup) {
  console.error('Usage: npm run restore -- <backup file>   (stop the server first)');
  process.exit(2);
}
const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
try {
  const result = restoreSqlite(path.resolve(backup), dataDir);
  console.log(
    `Restored ${result.rooms} rooms into ${dataDir}.${result.kept ? ` The database it replaced is kept as ${result.kept}.` : ''}`,
  );
} catch (err) {
  console.error(`Restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
