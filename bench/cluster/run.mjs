#!/usr/bin/env node
/**
 * `npm run bench:cluster`: the load generator of bench/load through HAProxy against two nodes,
 * and against one node direct, in the same run (both on PostgreSQL and Redis); then kill -9 of
 * the node that serves the most rooms while they type, and the time until every room has synced
 * again. Prints keystroke-to-peer p50/p95/p99 per room count, rooms per node, rooms split across
 * nodes (must be 0), Redis commands and PostgreSQL commits and rows per keystroke.
 *
 * On a 2-core machine HAProxy, the nodes, PostgreSQL, Redis and the generator share two cores:
 * this measures overhead and correctness, not capacity.
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startCluster } from '../../deploy/cluster.mjs';
import { GeneratorProcess } from '../load/GeneratorProcess.mjs';
import { joinOurRoom } from '../load/joinRoom.mjs';

const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '50,100,200' },
    duration: { type: 'string', default: '8' },
    'kill-rooms': { type: 'string', default: '20' },
  },
});
const ROOM_COUNTS = values.rooms.split(',').map(Number);
const DURATION_MS = Number(values.duration) * 1000;
const KILL_ROOMS = Number(values['kill-rooms']);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BENCH_ENV = {
  ROOMS_PER_IP_PER_HOUR: '1000000',
  LOBBY_ENTRIES_PER_IP_PER_HOUR: '1000000',
  CONNECTIONS_PER_IP: '1000000',
  NODE_ENV: 'production',
};

const redis = new Redis(REDIS_URL);
const db = new pg.Client({ connectionString: DATABASE_URL });
await db.connect();

/** Redis commands processed so far (all clients), from INFO stats. */
async function redisCommands() {
  const info = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Commits and inserted rows in the database so far. */
async function pgCounters() {
  const { rows } = await db.query(
    'SELECT xact_commit::bigint AS commits, tup_inserted::bigint AS inserted FROM pg_stat_database WHERE datname = current_database()',
  );
  return { commits: Number(rows[0].commits), inserted: Number(rows[0].inserted) };
}

async function served(node) {
  return (await fetch(`${node.internalUrl}/internal/rooms`)).json();
}

/** One measured run of the generator against `httpUrl`, with Redis and PostgreSQL counted. */
async function measure(httpUrl, rooms, nodes) {
  const generator = new GeneratorProcess('0-1');
  try {
    generator.send({
      cmd: 'run',
      config: {
        protocol: 'ours',
        httpUrl,
        wsUrl: httpUrl.replace('http', 'ws'),
        rooms,
        warmupMs: 2000,
        durationMs: DURATION_MS,
        drainMs: 1000,
        setupConcurrency: 8,
        typeEveryMs: 200,
        cursorEveryMs: 100,
        awarenessEcho: true,
      },
    });
    await generator.next('ready', 120_000 + rooms * 200);
    await generator.next('measuring', 60_000);
    // pg_stat counters are updated when a transaction's backend reports: read them a little late.
    const [r0, p0] = [await redisCommands(), await pgCounters()];
    await generator.next('measured', DURATION_MS + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const [r1, p1] = [await redisCommands(), await pgCounters()];
    const result = await generator.next('result', 60_000);
    const placement = await Promise.all(nodes.map(served));
    generator.send({ cmd: 'close' });
    const closed = await generator.next('closed', 60_000);
    const names = closed.docs.map((d) => d.name.split('.')[0]);
    const perNode = placement.map((s) => names.filter((id) => s.rooms.includes(id)).length);
    const split = names.filter(
      (id) => placement.filter((s) => s.rooms.includes(id) || id in s.controlRooms).length > 1,
    ).length;
    const keystrokes = result.sent;
    return {
      rooms,
      latency: result.latency,
      keystrokes,
      perNode,
      split,
      redisPerKeystroke: (r1 - r0) / keystrokes,
      redisPerSecond: (r1 - r0) / (DURATION_MS / 1000),
      pgCommitsPerKeystroke: (p1.commits - p0.commits) / keystrokes,
      pgRowsPerKeystroke: (p1.inserted - p0.inserted) / keystrokes,
    };
  } finally {
    await generator.stop();
  }
}

/** Rooms of two y-websocket clients each, one node killed: ms until every room syncs again. */
async function killMeasurement(cluster) {
  const wsUrl = cluster.url.replace('http', 'ws');
  const rooms = [];
  for (let i = 0; i < KILL_ROOMS; i++) {
    const spec = await joinOurRoom(cluster.url, wsUrl);
    const clients = spec.urls.map((url, j) => {
      const doc = new Y.Doc();
      doc.clientID = spec.clientIds[j];
      doc.on('afterTransactionCleanup', () => {
        doc.clientID = spec.clientIds[j];
      });
      const [base, query] = url.split('?');
      const token = new URLSearchParams(query).get('token');
      const provider = new WebsocketProvider(base.slice(0, base.lastIndexOf('/')), spec.docName, doc, {
        params: { token },
        WebSocketPolyfill: WebSocket,
        disableBc: true,
        maxBackoffTime: 500,
      });
      return { doc, provider };
    });
    rooms.push({ spec, clients });
  }
  const allSynced = () => rooms.every((r) => r.clients.every((c) => c.provider.synced));
  while (!allSynced()) await new Promise((resolve) => setTimeout(resolve, 50));
  const placement = await Promise.all(cluster.nodes.map(served));
  const victimIndex = placement[0].rooms.length >= placement[1].rooms.length ? 0 : 1;
  const victim = cluster.nodes[victimIndex];
  const moved = rooms.filter((r) => placement[victimIndex].rooms.includes(r.spec.docName.split('.')[0]));
  // Everyone keeps typing; a room has resynced when a keystroke typed after the kill has reached
  // its peer.
  let typing = true;
  const typers = rooms.map(async (room) => {
    while (typing) {
      room.clients[0].doc.getText('code').insert(0, 'k');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const killedAt = performance.now();
  await victim.kill();
  const times = await Promise.all(
    moved.map(async (room) => {
      const peer = room.clients[1].doc.getText('code');
      const mark = `after-kill-${room.spec.docName}`;
      room.clients[0].doc.getText('code').insert(0, mark);
      while (!peer.toString().includes(mark)) await new Promise((resolve) => setTimeout(resolve, 10));
      return performance.now() - killedAt;
    }),
  );
  typing = false;
  await Promise.all(typers);
  let converged = 0;
  for (const room of rooms) {
    const [a, b] = room.clients.map((c) => c.doc.getText('code').toString());
    if (a === b) converged++;
    for (const c of room.clients) c.provider.destroy();
    for (const socket of room.spec.controls) socket.disconnect();
  }
  await victim.start();
  times.sort((x, y) => x - y);
  return {
    rooms: rooms.length,
    moved: moved.length,
    median: times[Math.floor(times.length / 2)] ?? 0,
    max: times.at(-1) ?? 0,
    converged,
  };
}

const stamp = Date.now().toString(36);
const rows = [];
let kill;
for (const [label, nodes] of [
  ['2 nodes through HAProxy', 2],
  ['1 node direct', 1],
]) {
  const schema = `bench_${stamp}_${nodes}`;
  const cluster = await startCluster({
    nodes,
    databaseUrl: DATABASE_URL,
    redisUrl: REDIS_URL,
    env: { ...BENCH_ENV, DATABASE_SCHEMA: schema, REDIS_PREFIX: `mockloop-bench-${stamp}-${nodes}:` },
  });
  try {
    const target = nodes === 1 ? cluster.nodes[0].url : cluster.url;
    for (const n of ROOM_COUNTS) {
      const row = await measure(target, n, cluster.nodes);
      rows.push({ label, ...row });
      console.log(
        `[bench] ${label}, ${n} rooms: p50 ${row.latency.p50} p95 ${row.latency.p95} p99 ${row.latency.p99} ms; rooms per node ${row.perNode.join('/')}, split ${row.split}`,
      );
    }
    if (nodes === 2) kill = await killMeasurement(cluster);
  } finally {
    await cluster.stop();
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}
const keys = await redis.keys(`mockloop-bench-${stamp}-*`);
if (keys.length > 0) await redis.del(...keys);
redis.disconnect();
await db.end();

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
console.log(
  '\n| setup | rooms | p50 ms | p95 ms | p99 ms | rooms per node | split | Redis cmds / keystroke | PG commits / keystroke | PG rows / keystroke |',
);
console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.rooms} | ${f(r.latency.p50)} | ${f(r.latency.p95)} | ${f(r.latency.p99)} | ${r.perNode.join(' / ')} | ${r.split} | ${f(r.redisPerKeystroke, 3)} | ${f(r.pgCommitsPerKeystroke, 3)} | ${f(r.pgRowsPerKeystroke, 2)} |`,
  );
}
if (kill) {
  console.log(
    `\nkill -9 of the node serving ${kill.moved} of ${kill.rooms} typing rooms: every moved room synced again after ${f(kill.median, 0)} ms (median), ${f(kill.max, 0)} ms (max); ${kill.converged}/${kill.rooms} rooms converged byte-identical.`,
  );
}
console.log(
  '\nOn this 2-core machine HAProxy, nodes, PostgreSQL, Redis and the generator share two cores: overhead and correctness, not capacity.',
);
