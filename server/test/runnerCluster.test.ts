import fs from 'node:fs';
import { ClientEvent, type JoinResult, ServerEvent, type ServerRunProgress } from '@mockloop/shared';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the deploy folder, without types
import { startCluster } from '../../deploy/cluster.mjs';
import type { ControlSocket, DocClient } from './support/clients.js';
import { openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { dropSchema, TEST_DATABASE_URL, testSchema } from './support/pg.js';
import { requestRun, runRoom, setCode } from './support/serverRunRoom.js';

interface Proc {
  id: string;
  pid: number;
  kill(): Promise<void>;
}
interface Cluster {
  url: string;
  nodes: Proc[];
  workers: Proc[];
  stop(): Promise<void>;
}

const schema = testSchema();
const prefix = `mockloop-test-${schema}:`;
let cluster: Cluster;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  cluster = (await startCluster({
    nodes: 2,
    workers: 2,
    databaseUrl: TEST_DATABASE_URL,
    env: { DATABASE_SCHEMA: schema, REDIS_PREFIX: prefix, ROOMS_PER_IP_PER_HOUR: '10000' },
    workerEnv: { RUNNER_CONCURRENCY: '1' },
  })) as Cluster;
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await cluster?.stop();
  await dropSchema(schema);
  const redis = new Redis();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

function control(roomId?: string): ControlSocket {
  const socket = io(cluster.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelayMax: 500,
    query: roomId ? { room: roomId } : {},
  }) as ControlSocket;
  cleanups.push(() => socket.disconnect());
  return socket;
}

function doc(access: JoinResult['documents']['code']): DocClient {
  const client = openDoc(cluster.url.replace('http', 'ws'), access);
  cleanups.push(() => client.destroy());
  return client;
}

/** Whether a process has children (a worker running a sandbox has its bwrap under it). */
function hasChildren(pid: number): boolean {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .some((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim() !== '');
}

describe('runner workers on Redis', () => {
  it('P-SRUN-8: a worker killed mid-run fails that run plainly; the next run goes to the other worker', async () => {
    // Every socket of the room carries its id, so HAProxy sends it to the node serving its documents.
    const room = await runRoom(cluster.url, control, doc, 'python-numpy');
    const cal = room.cal;
    await eventually(async () => {
      const ack = await cal.emitWithAck(ClientEvent.RunLanguages, {});
      expect(ack).toMatchObject({ ok: true, data: { 'python-numpy': { available: true } } });
    });

    setCode(room.calDoc, 'import time\nprint("started", flush=True)\ntime.sleep(25)\n');
    const running = new Promise<void>((resolve) => {
      cal.on(ServerEvent.RunProgress, (p: ServerRunProgress) => {
        if (p.stage === 'output') resolve();
      });
    });
    const pending = requestRun(cal, room.calDoc, 'run', 'python-numpy');
    await running;
    const busy = cluster.workers.filter((w) => hasChildren(w.pid));
    expect(busy).toHaveLength(1);
    await busy[0]?.kill();
    const failed = await pending;
    expect(failed).toMatchObject({ ok: true, data: { status: 'crashed' } });
    if (failed.ok) expect(failed.data.error).toMatch(/stopped part way/);

    setCode(room.calDoc, 'print(6 * 7)\n');
    const next = await requestRun(cal, room.calDoc, 'run', 'python-numpy');
    expect(next).toMatchObject({ ok: true, data: { status: 'ok', output: '42\n' } });
  }, 120_000);
});
