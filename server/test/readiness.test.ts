import http from 'node:http';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
// @ts-expect-error: a plain ES module of the deploy folder, without types
import { startCluster } from '../../deploy/cluster.mjs';
import { PgStore } from '../src/store/PgStore.js';
import { type ControlSocket, type DocClient, joinOk, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { dropSchema, TEST_DATABASE_URL, testSchema } from './support/pg.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';

interface ClusterNode {
  id: string;
  url: string;
  internalUrl: string;
  stop(): Promise<void>;
}
interface Cluster {
  url: string;
  nodes: ClusterNode[];
  stop(): Promise<void>;
}
interface Ready {
  ready: boolean;
  draining: boolean;
  checks: Record<string, string>;
}

const schema = testSchema();
const prefix = `mockloop-test-${schema}:`;
let cluster: Cluster;
// n1 reaches PostgreSQL and Redis through proxies this test cuts: to n1 they stop and start,
// while the machine's own services (shared with other tests) never do.
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  const pg = new URL(TEST_DATABASE_URL);
  pgProxy = await startTcpProxy(Number(pg.port || 5432), pg.hostname);
  redisProxy = await startTcpProxy(6379);
  const viaProxy = new URL(TEST_DATABASE_URL);
  viaProxy.port = String(pgProxy.port);
  cluster = (await startCluster({
    nodes: 2,
    databaseUrl: TEST_DATABASE_URL,
    env: {
      DATABASE_SCHEMA: schema,
      REDIS_PREFIX: prefix,
      ROOMS_PER_IP_PER_HOUR: '10000',
      DRAIN_DELAY_MS: '1500',
    },
    nodeEnv: [{ DATABASE_URL: viaProxy.href, REDIS_URL: `redis://127.0.0.1:${redisProxy.port}` }, {}],
  })) as Cluster;
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await cluster?.stop();
  await pgProxy?.close();
  await redisProxy?.close();
  await dropSchema(schema);
  const redis = new Redis();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const readyz = async (node: ClusterNode) => {
  const res = await fetch(`${node.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Ready };
};

/** Which nodes answered `n` requests through HAProxy that carry no room (balanced round robin). */
async function answering(n = 8): Promise<Set<string>> {
  const nodes = new Set<string>();
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${cluster.url}/api/questions`);
    await res.arrayBuffer();
    nodes.add(res.headers.get('x-mockloop-node') ?? '?');
  }
  return nodes;
}

/** A control socket through HAProxy, with the room in its query as the browser sends it. */
function control(roomId: string): ControlSocket {
  const socket = io(cluster.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelayMax: 500,
    query: { room: roomId },
  }) as ControlSocket;
  cleanups.push(() => socket.disconnect());
  return socket;
}

/** The status a WebSocket upgrade of `path` gets from `url` (101 when it opens). */
function upgradeStatus(url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, url), {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.once('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
  });
}

function doc(access: Parameters<typeof openDoc>[1]): DocClient {
  const client = openDoc(cluster.url.replace('http', 'ws'), access);
  cleanups.push(() => client.destroy());
  return client;
}

describe('readiness that tells the truth, and HAProxy routing by it', () => {
  it('/readyz answers 503 while PostgreSQL is stopped (store and leases) and 200 once it is back; HAProxy takes the node out meanwhile', async () => {
    const [n1] = cluster.nodes as [ClusterNode, ClusterNode];
    expect(await readyz(n1)).toMatchObject({
      status: 200,
      body: { ready: true, checks: { store: 'ok', leases: 'ok', redis: 'ok' } },
    });
    await eventually(async () => expect(await answering()).toEqual(new Set(['n1', 'n2'])));

    await pgProxy.cut();
    await eventually(async () => {
      const { status, body } = await readyz(n1);
      expect(status).toBe(503);
      expect(body.checks.store).not.toBe('ok');
      expect(body.checks.leases).not.toBe('ok');
      expect(body.checks.redis).toBe('ok');
    });
    // /healthz still says the process is up.
    expect((await fetch(`${n1.url}/healthz`)).status).toBe(200);
    await eventually(async () => expect(await answering()).toEqual(new Set(['n2'])));

    await pgProxy.restore();
    await eventually(async () => expect((await readyz(n1)).status).toBe(200), 20_000);
    await eventually(async () => expect(await answering()).toContain('n1'));
  });

  it('/readyz answers 503 while Redis is stopped and 200 once it is back', async () => {
    const [n1] = cluster.nodes as [ClusterNode, ClusterNode];
    await redisProxy.cut();
    await eventually(async () => {
      const { status, body } = await readyz(n1);
      expect(status).toBe(503);
      expect(body.checks.redis).not.toBe('ok');
      expect(body.checks.store).toBe('ok');
    });
    await eventually(async () => expect(await answering()).toEqual(new Set(['n2'])));
    await redisProxy.restore();
    await eventually(async () => expect((await readyz(n1)).status).toBe(200), 20_000);
    await eventually(async () => expect(await answering()).toContain('n1'));
  });

  it('SIGTERM drains: readyz 503 and new rooms refused, then the room moves to the other node while both type, and nothing is lost', async () => {
    const res = await fetch(`${cluster.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roundType: 'coding', name: 'Ivy' }),
    });
    const room = (await res.json()) as { roomId: string; secret: string };
    const ivy = await joinOk(control(room.roomId), { roomId: room.roomId, secret: room.secret });
    const cal = await joinOk(control(room.roomId), { roomId: room.roomId, name: 'Cal' });
    const a = doc(ivy.documents.code);
    const b = doc(cal.documents.code);
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    const served = async (n: ClusterNode) =>
      ((await (await fetch(`${n.internalUrl}/internal/rooms`)).json()) as { rooms: string[] }).rooms;
    const owner = (await Promise.all(cluster.nodes.map(async (n) => ({ n, rooms: await served(n) })))).find(
      (x) => x.rooms.includes(room.roomId),
    )?.n;
    if (!owner) throw new Error('no owner');
    const other = cluster.nodes.find((n) => n !== owner) as ClusterNode;

    a.text.insert(0, '\n');
    let typing = true;
    const typed = { a: 0, b: 0 };
    const typist = (client: DocClient, key: 'a' | 'b', ch: string) =>
      (async () => {
        while (typing) {
          client.text.insert(key === 'a' ? 0 : client.text.length, ch);
          typed[key]++;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
    const typists = [typist(a, 'a', 'x'), typist(b, 'b', '7')];
    await eventually(() => expect(typed.a + typed.b).toBeGreaterThan(20));

    const stopped = owner.stop();
    // At once: not ready, and a new document connection is refused (503) for the client to retry.
    await eventually(async () =>
      expect((await readyz(owner)).body).toMatchObject({ ready: false, draining: true }),
    );
    expect(await upgradeStatus(owner.url, `/yjs/${ivy.documents.code.name}`)).toBe(503);
    await stopped;
    await eventually(async () => expect(await served(other)).toContain(room.roomId), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300)); // they keep typing on the new node
    typing = false;
    await Promise.all(typists);
    await eventually(() => {
      expect(a.provider.synced && b.provider.synced).toBe(true);
      expect(a.text.toString()).toBe(b.text.toString());
    }, 20_000);
    const final = a.text.toString();
    expect([...final].filter((c) => c === 'x')).toHaveLength(typed.a);
    expect([...final].filter((c) => c === '7')).toHaveLength(typed.b);
    const store = await PgStore.open(TEST_DATABASE_URL, { schema });
    try {
      await eventually(async () => {
        const { checkpoint, rows } = await store.loadDocument(ivy.documents.code.name);
        const ydoc = new Y.Doc();
        if (checkpoint) Y.applyUpdate(ydoc, checkpoint.state);
        for (const row of rows) Y.applyUpdate(ydoc, row.data);
        expect(ydoc.getText('code').toString()).toBe(final);
      });
    } finally {
      await store.close();
    }
  });
});
