import path from 'node:path';
import { PgStore } from './PgStore.js';
import { SqliteStore } from './SqliteStore.js';
import type { Store } from './Store.js';

/**
 * PostgreSQL when `databaseUrl` is set (in `databaseSchema`, created if missing, when given), else
 * SQLite under dataDir.
 */
export async function openStore(options: {
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
}): Promise<Store> {
  if (options.databaseUrl) return PgStore.open(options.databaseUrl, { schema: options.databaseSchema });
  return new SqliteStore(path.join(options.dataDir, 'mockloop.sqlite'));
}
