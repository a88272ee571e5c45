import { SqlStore } from './SqlStore.js';
import { migrateSqlite } from './sql/migrate.js';
import { SqliteDb } from './sql/SqliteDb.js';

/** The embedded default store: one SQLite file in WAL mode, migrated on open. */
export class SqliteStore extends SqlStore {
  /** Opens (or creates) `file`; ':memory:' gives a throwaway store for tests. */
  constructor(file: string) {
    const db = new SqliteDb(file);
    migrateSqlite(db);
    super(db);
  }
}
