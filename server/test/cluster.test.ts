import { ClientEvent, type LobbyMatch, type RoomState, ServerEvent } from '@mockloop/shared';
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

interface ClusterNode {
  id: string;
  url: string;
  internalUrl: string;
  pid: number;
  kill(): Promise<void>;
  start(): Promise<void>;
}
interface Cluster {
  url: string;
  nodes: ClusterNode[];
  /** Resolves once HAProxy routes to the node; rejects if it never does. */
  untilUp(node: ClusterNode): Promise<void>;
  stop(): Promise<void>;
}
interface Served {
  node: string;
  rooms: string[];
  controlRooms: Record<string, number>;
}

const schema = testSchema();
const prefix = `mockloop-test-${schema}:`;
let cluster: Cluster;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  cluster = (await startCluster({
    nodes: 2,
    databaseUrl: TEST_DATABASE_URL,
    env: {
      DATABASE_SCHEMA: schema,
      REDIS_PREFIX: prefix,
      ROOMS_PER_IP_PER_HOUR: '10000',
      LOBBY_ENTRIES_PER_IP_PER_HOUR: '10000',
      DOC_UNLOAD_GRACE_MS: '60000',
    },
  })) as Cluster;
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await cluster?.stop();
  await dropSchema(schema);
  const redis = new Redis();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const served = async (node: ClusterNode): Promise<Served> =>
  (await fetch(`${node.internalUrl}/internal/rooms`)).json() as Promise<Served>;

/** A control socket through HAProxy, with the room in its query as the browser sends it. */
function control(roomId?: string, url = cluster.url): ControlSocket {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelayMax: 500,
    query: roomId ? { room: roomId } : {},
  }) as ControlSocket;
  cleanups.push(() => socket.disconnect());
  return socket;
}

function doc(access: Parameters<typeof openDoc>[1]): DocClient {
  const client = openDoc(cluster.url.replace('http', 'ws'), access);
  cleanups.push(() => client.destroy());
  return client;
}

async function createRoom(): Promise<{ roomId: string; secret: string }> {
  const res = await fetch(`${cluster.url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roundType: 'coding', name: 'Ivy' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { roomId: string; secret: string };
}

describe('two nodes behind HAProxy', () => {
  it('P-NODE-2: every connection of a room lands on one node; 20 rooms spread over both', async () => {
    const rooms: string[] = [];
    for (let i = 0; i < 20; i++) {
      const room = await createRoom();
      rooms.push(room.roomId);
      const ivy = await joinOk(control(room.roomId), { roomId: room.roomId, secret: room.secret });
      const cal = await joinOk(control(room.roomId), { roomId: room.roomId, name: 'Cal' });
      const a = doc(ivy.documents.code);
      const b = doc(cal.documents.code);
      a.text.insert(0, `room ${i}`);
      await eventually(() => expect(b.text.toString()).toBe(`room ${i}`));
    }
    const [one, two] = await Promise.all(cluster.nodes.map(served));
    if (!one || !two) throw new Error('two nodes');
    for (const roomId of rooms) {
      const where = [one, two].filter((s) => s.rooms.includes(roomId) || roomId in s.controlRooms);
      expect(where, roomId).toHaveLength(1);
      const owner = where[0] as Served;
      // Both documents and both control sockets are on that node, and its pages come from it.
      expect(owner.rooms).toContain(roomId);
      expect(owner.controlRooms[roomId]).toBe(2);
      const page = await fetch(`${cluster.url}/api/rooms/${roomId}`);
      expect(page.headers.get('x-mockloop-node')).toBe(owner.node);
    }
    const counts = [one, two].map((s) => rooms.filter((r) => s.rooms.includes(r)).length);
    console.log(`20 rooms through HAProxy: ${counts.join(' and ')} per node, none split`);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it("P-NODE-3: the lobby pairs two people whose sockets are on different nodes; the room's state reaches both", async () => {
    const [n1, n2] = cluster.nodes as [ClusterNode, ClusterNode];
    const lea = control(undefined, n1.url);
    const lou = control(undefined, n2.url);
    const matched = (socket: ControlSocket) =>
      new Promise<LobbyMatch>((resolve) => socket.once(ServerEvent.LobbyMatched, resolve));
    const [leaMatch, louMatch] = [matched(lea), matched(lou)];
    const enter = (socket: ControlSocket, name: string, role: string) =>
      socket.emitWithAck(ClientEvent.LobbyEnter, {
        name,
        trackId: 'netflix-mle',
        roundType: 'coding',
        role,
      } as never);
    expect(await enter(lea, 'Lea', 'interviewer')).toMatchObject({ ok: true, data: { state: 'waiting' } });
    expect(await enter(lou, 'Lou', 'candidate')).toMatchObject({ ok: true });
    const [a, b] = await Promise.all([leaMatch, louMatch]);
    expect(a.roomId).toBe(b.roomId);
    expect([a.role, b.role].sort()).toEqual(['candidate', 'interviewer']);
    // Both open the room through HAProxy and see each other online.
    const states: RoomState[] = [];
    const sa = control(a.roomId);
    sa.on(ServerEvent.RoomState, (s) => states.push(s));
    await joinOk(sa, { roomId: a.roomId, secret: a.secret });
    await joinOk(control(b.roomId), { roomId: b.roomId, secret: b.secret });
    await eventually(() =>
      expect(states.at(-1)?.participants.map((p) => [p.name, p.online])).toEqual([
        ['Lea', true],
        ['Lou', true],
      ]),
    );
  });

  it('P-NODE-4: kill -9 of the owner while both type: both resync on the survivor, nothing acknowledged is lost, and the owner does not take it back', async () => {
    const room = await createRoom();
    const ivy = await joinOk(control(room.roomId), { roomId: room.roomId, secret: room.secret });
    const cal = await joinOk(control(room.roomId), { roomId: room.roomId, name: 'Cal' });
    const a = doc(ivy.documents.code);
    const b = doc(cal.documents.code);
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    const owner = (await Promise.all(cluster.nodes.map(async (n) => ({ n, s: await served(n) })))).find((x) =>
      x.s.rooms.includes(room.roomId),
    )?.n;
    if (!owner) throw new Error('no owner');
    // Both type all the time: letters from Ivy, digits from Cal, at the end of their own line.
    a.text.insert(0, '\n');
    let typing = true;
    const typed = { a: 0, b: 0 };
    const typist = (client: DocClient, key: 'a' | 'b', ch: string) =>
      (async () => {
        while (typing) {
          client.text.insert(key === 'a' ? 0 : client.text.length, ch);
          typed[key]++;
          await new Promise((resolve) => setTimeout(resolve, 20)); // a fast typist's pace, not a wait
        }
      })();
    const typists = [typist(a, 'a', 'x'), typist(b, 'b', '7')];
    await eventually(() => expect(typed.a + typed.b).toBeGreaterThan(40));
    await owner.kill();
    // They keep typing through it: fifty more keystrokes after the kill, some before a reconnect.
    const atKill = typed.a + typed.b;
    await eventually(() => expect(typed.a + typed.b).toBeGreaterThan(atKill + 50));
    typing = false;
    await Promise.all(typists);
    await eventually(() => {
      expect(a.text.toString()).toBe(b.text.toString());
      expect(a.provider.synced && b.provider.synced).toBe(true);
    }, 20_000);
    const final = a.text.toString();
    // Every keystroke of both is there: those before the kill, the ones typed while it was down.
    expect([...final].filter((c) => c === 'x')).toHaveLength(typed.a);
    expect([...final].filter((c) => c === '7')).toHaveLength(typed.b);
    // And the survivor stored it all in PostgreSQL.
    const survivor = cluster.nodes.find((n) => n !== owner) as ClusterNode;
    await eventually(async () => expect((await served(survivor)).rooms).toContain(room.roomId));
    const store = await PgStore.open(TEST_DATABASE_URL, { schema });
    try {
      await eventually(async () => {
        const { checkpoint, rows } = await store.loadDocument(ivy.documents.code.name);
        const copy = new Y.Doc();
        if (checkpoint) Y.applyUpdate(copy, checkpoint.state);
        for (const row of rows) Y.applyUpdate(copy, row.data);
        expect(copy.getText('code').toString()).toBe(final);
      });
    } finally {
      await store.close();
    }
    console.log(
      `kill -9 of ${owner.id} while both typed (${typed.a + typed.b} keystrokes): both resynced on ${survivor.id}`,
    );
    // The killed node comes back and takes no room away from the survivor: once HAProxy routes to
    // it again (its health checks passed), the room's requests still go to the survivor.
    await owner.start();
    await cluster.untilUp(owner);
    const page = await fetch(`${cluster.url}/r/${room.roomId}`);
    expect(page.headers.get('x-mockloop-node')).toBe(survivor.id);
    a.text.insert(0, '!');
    await eventually(() => expect(b.text.toString()).toBe(a.text.toString()));
    expect((await served(owner)).rooms).not.toContain(room.roomId);
  });
});
