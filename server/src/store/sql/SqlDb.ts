/** A value a statement takes or returns. */
export type SqlValue = string | number | null | Uint8Array;

/**
 * What the store needs from a SQL database: statements with `?` placeholders (the PostgreSQL
 * adapter numbers them), rows as plain objects with integer and byte columns as numbers and
 * Uint8Arrays, and transactions.
 */
export interface SqlExecutor {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDb extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction: committed if it resolves, rolled back if it throws. Inside,
   * use only the executor it is given. On PostgreSQL the row locks it takes (`FOR UPDATE`)
   * serialise concurrent transactions on the same room, across nodes.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
