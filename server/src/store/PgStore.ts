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

  /**
   * PostgreSQL keeps a deleted row as a dead tuple until VACUUM; the janitor vacuums the tables
   * a room's private data lives in once per sweep, so the space is reused (and overwritten)
   * soon rather than whenever autovacuum comes by. SKIP_LOCKED: a table another node is
   * vacuuming now is skipped, never waited for. VACUUM FULL (an exclusive lock) is the
   * operator's call (README).
   */
  async purgeDeleted(): Promise<void> {
    await this.db.run(`VACUUM (SKIP_LOCKED) ${PRIVATE_TABLES.join(', ')}`);
  }
}

/**
 * Tables that hold what a room's people wrote or said: documents, images, feedback, timeline,
 * solo transcripts, reviews, voice recordings.
 */
const PRIVATE_TABLES = [
  'doc_updates',
  'doc_checkpoints',
  'files',
  'feedback',
  'timeline',
  'simulations',
  'reviews',
  'recordings',
  'recording_pieces',
];
