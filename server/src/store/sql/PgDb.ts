import pg from 'pg';
import type { SqlDb, SqlExecutor, SqlValue } from './SqlDb.js';

// BIGINT (int8) columns hold millisecond times and sequence numbers: well within 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (our SQL never has a `?` in a string). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numbered(sql), params as unknown[])).rows as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numbered(sql), params as unknown[])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numbered(sql), params as unknown[])).rowCount ?? 0,
  };
}

export interface PgDbOptions {
  /** A schema to use (created if missing), for tests that each need their own. */
  schema?: string;
  max?: number;
}

/** PostgreSQL (node-postgres pool) behind the SqlDb interface. */
export class PgDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly direct: SqlExecutor;

  constructor(connectionString: string, options: PgDbOptions = {}) {
    const schema = options.schema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      // Every connection works in the given schema (created by the migration before any use).
      options: schema ? `-c search_path=${schema}` : undefined,
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', () => {});
    this.direct = executor(this.pool);
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.direct.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.direct.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
