import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDb, SqlExecutor, SqlValue } from './SqlDb.js';

/**
 * better-sqlite3 behind the async SqlDb interface. Statements run synchronously and are prepared
 * once. One connection means a transaction must not interleave with other statements: while one
 * is open, every statement from outside it waits until it ends (it is only ever a few
 * statements, never an await on anything but this database).
 */
export class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Settles when the open transaction (if any) has ended. */
  private gate: Promise<void> | null = null;
  private readonly direct: SqlExecutor;

  /** Opens (or creates) `file`; ':memory:' gives a throwaway database for tests. */
  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (SIGKILL); only an OS crash can lose the tail.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // A deleted row's bytes are overwritten with zeros, not left in free space (P-ROOM-6): a
    // deleted room's private notes and images must not stay readable in the file.
    this.db.pragma('secure_delete = ON');
    this.direct = {
      all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
        this.prepare(sql).all(...bind(params)) as T[],
      get: async <T>(sql: string, params: readonly SqlValue[] = []) =>
        this.prepare(sql).get(...bind(params)) as T | undefined,
      run: async (sql: string, params: readonly SqlValue[] = []) =>
        this.prepare(sql).run(...bind(params)).changes,
    };
  }

  /** The raw handle, for migrations (PRAGMA user_version) and the contract tests. */
  get raw(): Database.Database {
    return this.db;
  }

  async all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    while (this.gate) await this.gate;
    return this.direct.all<T>(sql, params);
  }

  async get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    while (this.gate) await this.gate;
    return this.direct.get<T>(sql, params);
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    while (this.gate) await this.gate;
    return this.direct.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    while (this.gate) await this.gate;
    let open!: () => void;
    this.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.prepare('BEGIN IMMEDIATE').run();
    try {
      const result = await work(this.direct);
      this.prepare('COMMIT').run();
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.prepare('ROLLBACK').run();
      throw err;
    } finally {
      this.gate = null;
      open();
    }
  }

  /**
   * Copies the WAL into the database and truncates it to zero bytes, so frames holding deleted
   * rows are gone from the disk file. Waits for an open transaction like any statement.
   */
  async checkpoint(): Promise<void> {
    while (this.gate) await this.gate;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** better-sqlite3 binds Buffers as blobs: wrap plain Uint8Arrays (no copy). */
function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((p) =>
    p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p,
  );
}
