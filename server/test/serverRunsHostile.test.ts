import fs from 'node:fs';
import {
  type JoinResult,
  SERVER_LANGUAGES,
  type ServerLanguage,
  type ServerRunResult,
} from '@mockloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRunnerSettings } from '../src/config/loadConfig.js';
import { type Attack, fakeResultProgram, hostileProgram, ORPHAN_MARK } from './fixtures/hostile/programs.js';
import { type ControlSocket, connectControl, type DocClient, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import {
  RUNNER_READY_MS,
  type RunRoom,
  requestRun,
  runnerReady,
  runRoom,
  setCode,
} from './support/serverRunRoom.js';
import { startTestServer, type TestServer } from './support/testServer.js';

// A secret in the server's environment: nothing a sandbox prints may hold it.
const CANARY = `canary-${Math.random().toString(36).slice(2)}`;
process.env.MOCKLOOP_TEST_SECRET = CANARY;

let server: TestServer;
const sockets: ControlSocket[] = [];
const docs: DocClient[] = [];
const control = () => {
  const socket = connectControl(server.url);
  sockets.push(socket);
  return socket;
};
const doc = (access: JoinResult['documents']['code']) => {
  const client = openDoc(server.wsUrl, access);
  docs.push(client);
  return client;
};

beforeAll(async () => {
  await runnerReady();
  server = await startTestServer({
    runner: {
      ...loadRunnerSettings({}),
      concurrency: 2,
      runsPerMinute: 1000,
      roomSecondsPerHour: 100_000,
      addressSecondsPerHour: 100_000,
    },
  });
}, RUNNER_READY_MS);
afterAll(async () => {
  for (const d of docs.splice(0)) d.destroy();
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
  delete process.env.MOCKLOOP_TEST_SECRET;
});

/** Host processes of the sandbox's user (nobody): every run's must be gone once it has answered. */
function sandboxProcesses(): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      // A zombie is dead already, waiting to be reaped: only live processes count.
      if (/^Uid:\s+65534\s/m.test(status) && !/^State:\s+[ZX]/m.test(status)) {
        found.push(`${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')}`);
      }
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function attack(room: RunRoom, language: ServerLanguage, what: Attack): Promise<ServerRunResult> {
  setCode(
    room.calDoc,
    hostileProgram(language, what, { appPort: Number(new URL(server.url).port), dataDir: server.dataDir }),
  );
  const ack = await requestRun(room.cal, room.calDoc, 'run', language);
  if (!ack.ok) throw new Error(`${what}: ${ack.error.message}`);
  return ack.data;
}

/** While `during` runs: /healthz polled, and a small run in another room; both must answer. */
async function othersKeepWorking<T>(during: Promise<T>): Promise<T> {
  const other = await runRoom(server.url, control, doc, 'python-numpy');
  setCode(other.calDoc, 'print(6 * 7)\n');
  let done = false;
  let checks = 0;
  const health = (async () => {
    while (!done) {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      checks++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const otherRun = await requestRun(other.cal, other.calDoc, 'run', 'python-numpy');
  expect(otherRun).toMatchObject({ ok: true, data: { status: 'ok', output: '42\n' } });
  const result = await during;
  done = true;
  await health;
  expect(checks).toBeGreaterThan(0);
  return result;
}

describe.each(SERVER_LANGUAGES.map((l) => [l] as [ServerLanguage]))('P-SRUN-5: hostile %s', (language) => {
  let room: RunRoom;
  beforeAll(async () => {
    room = await runRoom(server.url, control, doc, language);
  }, 60_000);

  it('reaches no port of this machine, reads no data or secret, writes nowhere but its own folders', async () => {
    const result = await attack(room, language, 'probe');
    expect(result.status, result.error).toBe('ok');
    const out = result.output;
    for (const port of [new URL(server.url).port, '5432', '6379'])
      expect(out).toMatch(new RegExp(`tcp ${port}: blocked`));
    expect(out).not.toMatch(/CONNECTED|LISTED|WROTE|MADE/);
    if (language === 'python-numpy') expect(out).toMatch(/userns: blocked/);
    expect(out).toMatch(new RegExp(`read ${server.dataDir}: blocked`));
    expect(out).toMatch(/read \/root: blocked/);
    expect(out).toMatch(/write \/work\/x: ok/);
    expect(out).toMatch(/write \/tmp\/x: ok/);
    // Neither the sandbox's first process nor the program's environment holds anything of ours.
    expect(out).not.toContain(CANARY);
    expect(out).not.toMatch(/DATABASE_URL|REDIS_URL|TOKEN_SECRET|MOCKLOOP_TEST_SECRET|npm_|NODE_/);
  }, 120_000);

  it('a fork bomb is contained, and another room and /healthz keep answering', async () => {
    const result = await othersKeepWorking(attack(room, language, 'forkBomb'));
    expect(['timeout', 'error']).toContain(result.status);
    await eventually(() => expect(sandboxProcesses()).toEqual([]));
  }, 120_000);

  it('a memory bomb is stopped at the memory bound, and another room keeps running', async () => {
    const result = await othersKeepWorking(attack(room, language, 'memoryBomb'));
    expect(result.status).toBe('error');
    expect(`${result.error} ${result.output}`).toMatch(/memory|OutOfMemoryError|MemoryError/i);
  }, 120_000);

  it('filling the disk stops at the work folder’s size, and the run’s files are gone after', async () => {
    const runFolders = () => new Set(fs.readdirSync('/tmp').filter((f) => f.startsWith('mockloop-run-')));
    const before = runFolders();
    const result = await attack(room, language, 'diskFill');
    // Stopped by the full folder, the file-size limit, or (a program that ignores its write
    // errors) the time limit.
    expect(['error', 'timeout']).toContain(result.status);
    expect([...runFolders()].filter((f) => !before.has(f))).toEqual([]);
  }, 120_000);

  it('endless output is cut at 1 MB and the run stopped', async () => {
    const result = await attack(room, language, 'endlessOutput');
    expect(result.status).toBe('error');
    expect(result.truncated).toBe(true);
    expect(result.error).toMatch(/output passed/);
    expect(Buffer.byteLength(result.output)).toBeLessThanOrEqual(1024 * 1024);
  }, 120_000);

  it('a process left running after the program exits is gone when the run answers', async () => {
    const result = await attack(room, language, 'orphan');
    expect(result.output).toContain('left a child');
    expect(sandboxProcesses().filter((p) => p.includes(ORPHAN_MARK))).toEqual([]);
    await eventually(() => expect(sandboxProcesses()).toEqual([]));
  }, 120_000);

  it('sleeping past the wall limit is stopped there', async () => {
    const result = await attack(room, language, 'sleep');
    expect(result.status).toBe('timeout');
    expect(result.error).toMatch(/time limit/);
  }, 120_000);

  it('P-SRUN-3: printing (or writing) fake results passes nothing, in public or hidden tests', async () => {
    setCode(room.calDoc, fakeResultProgram(language));
    const tests = await requestRun(room.cal, room.calDoc, 'tests', language);
    if (!tests.ok) throw new Error(tests.error.message);
    expect(tests.data.tests?.filter((t) => t.pass)).toEqual([]);
    await eventually(() => expect(room.ivyDoc.text.toString()).toBe(fakeResultProgram(language)));
    const hidden = await requestRun(room.ivy, room.ivyDoc, 'hidden-tests', language);
    if (!hidden.ok) throw new Error(hidden.error.message);
    expect(hidden.data.tests?.filter((t) => t.pass)).toEqual([]);
  }, 120_000);
});
