#!/usr/bin/env node
/**
 * `npm run cluster -- --nodes 2 --workers 1`: Mockloop on N nodes behind HAProxy on PORT (default 3000)
 * and W runner workers for the server-side languages,
 * against DATABASE_URL and REDIS_URL (default: this machine's PostgreSQL, database "mockloop",
 * created if missing, and Redis). Prints the public URL and one line per node; Ctrl+C stops all.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, startCluster } from '../deploy/cluster.mjs';

const { values } = parseArgs({
  options: { nodes: { type: 'string', default: '2' }, workers: { type: 'string', default: '1' } },
});
const nodes = Number(values.nodes);
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) {
  console.error('--nodes must be a whole number from 1 to 16');
  process.exit(1);
}
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 0 || workers > 16) {
  console.error('--workers must be a whole number from 0 to 16');
  process.exit(1);
}
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
const port = Number(process.env.PORT ?? 3000);

/** The default database is ours to create; a given DATABASE_URL must exist already. */
async function ensureDatabase() {
  if (process.env.DATABASE_URL) return;
  const url = new URL(DEFAULT_DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

try {
  await ensureDatabase();
  const cluster = await startCluster({
    nodes,
    workers,
    port,
    databaseUrl,
    redisUrl,
    env: { NODE_ENV: 'production' },
  });
  // PUBLIC_URL's address: a page opened under another name would be refused by the origin check.
  console.log(
    `Mockloop is running at ${cluster.url} (${nodes} nodes behind HAProxy, ${workers} runner workers)`,
  );
  for (const node of cluster.nodes) {
    console.log(
      `node ${node.id} pid ${node.pid} ${node.url} (internal routes: ${node.internalUrl}/internal/rooms)`,
    );
  }
  for (const worker of cluster.workers) console.log(`runner worker ${worker.id} pid ${worker.pid}`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      console.log('Stopping the nodes and HAProxy...');
      cluster.stop().then(() => process.exit(0));
    });
  }
} catch (err) {
  console.error(`Could not start the cluster: ${err.message}`);
  process.exit(1);
}
