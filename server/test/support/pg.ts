import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgStore } from '../../src/store/PgStore.js';

/** The machine's PostgreSQL (trust auth on loopback), or TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A schema of its own for one test (or one server), dropped by `drop`. */
export function testSchema(): string {
  return `it_${randomBytes(6).toString('hex')}`;
}

/** A PgStore in a fresh schema; closing it drops the schema. */
export async function openPgStore(): Promise<PgStore> {
  const schema = testSchema();
  const store = await PgStore.open(TEST_DATABASE_URL, { schema });
  const close = store.close.bind(store);
  store.close = async () => {
    await store.db.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await close();
  };
  return store;
}

/**
 * The integration suite runs once per store: MOCKLOOP_TEST_STORE=postgres puts every test server
 * (in-process and spawned) on PostgreSQL, each in its own schema (npm run test:integration:pg).
 */
export const ON_POSTGRES = process.env.MOCKLOOP_TEST_STORE === 'postgres';

/**
 * Drops a test schema (after its server has stopped), over a plain connection: opening a store
 * would migrate the database's default schema, which other checkouts' tests on this machine share
 * and may have migrated with migrations this one does not have.
 */
export async function dropSchema(schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** How a test server of the current matrix entry finds its store. */
export function storeOptions(): { databaseUrl?: string; databaseSchema?: string } {
  return ON_POSTGRES ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: testSchema() } : {};
}
