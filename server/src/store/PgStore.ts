import { SqlStore } from './SqlStore.js';
import { migratePostgres } from './sql/migrate.js';
import { PgDb } from './sql/PgDb.js';

/** The scaled store: PostgreSQL (DATABASE_URL), migrated on open, shared by every node. */
export class PgStore extends SqlStore {
  declare readonly db: PgDb;

  private constructor(db: PgDb) {
    super(db);
  }

  /** Connects and migrates; `schema` gives a test its own tables. */
  static async open(connectionString: string, options: { schema?: string } = {}): Promise<PgStore> {
    const db = new PgDb(connectionString, options);
    try {
      await migratePostgres(db, options.schema);
    } catch (err) {
      await db.close();
      throw err;
    }
    return new PgStore(db);
  }
}
