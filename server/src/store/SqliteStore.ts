import { SqlStore } from './SqlStore.js';
import { migrateSqlite } from './sql/migrate.js';
import { SqliteDb } from './sql/SqliteDb.js';

/** The embedded default store: one SQLite file in WAL mode, migrated on open. */
export class SqliteStore extends SqlStore {
  declare readonly db: SqliteDb;

  /** Opens (or creates) `file`; ':memory:' gives a throwaway store for tests. */
  constructor(file: string) {
    const db = new SqliteDb(file);
    migrateSqlite(db);
    super(db);
  }

  /**
   * Deleted rows are zeroed in their pages (secure_delete, set on open), but the WAL still holds
   * the frames written before: checkpoint it and truncate it to nothing.
   */
  async purgeDeleted(): Promise<void> {
    await this.db.checkpoint();
  }
}
