import type { JoinResult, ServerRunProgress } from '@mockloop/shared';
import { ServerEvent } from '@mockloop/shared';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadRunnerSettings } from '../src/config/loadConfig.js';
import type { RunnerSettings } from '../src/execution/runnerSettings.js';
import { type ControlSocket, connectControl, type DocClient, openDoc } from './support/clients.js';
import { RUNNER_READY_MS, requestRun, runnerReady, runRoom, setCode } from './support/serverRunRoom.js';
import { startTestServer, type TestServer } from './support/testServer.js';

beforeAll(runnerReady, RUNNER_READY_MS);

const servers: TestServer[] = [];
const sockets: ControlSocket[] = [];
const docs: DocClient[] = [];
afterEach(async () => {
  for (const d of docs.splice(0)) d.destroy();
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
});

async function serverWith(runner: Partial<RunnerSettings>) {
  const server = await startTestServer({ runner: { ...loadRunnerSettings({}), ...runner } });
  servers.push(server);
  const room = () =>
    runRoom(
      server.url,
      () => {
        const socket = connectControl(server.url);
        sockets.push(socket);
        return socket;
      },
      (access: JoinResult['documents']['code']) => {
        const client = openDoc(server.wsUrl, access);
        docs.push(client);
        return client;
      },
      'python-numpy',
    );
  return { server, room };
}

describe('P-SRUN-5: fair use', () => {
  it('a run waits in a bounded line and hears its place; past the line, a run is refused as busy', async () => {
    const { room } = await serverWith({ concurrency: 1, queueMax: 1 });
    const [a, b, c] = [await room(), await room(), await room()];
    setCode(a.calDoc, 'import time\nprint("first", flush=True)\ntime.sleep(2)\n');
    const started = new Promise<void>((resolve) =>
      a.cal.on(ServerEvent.RunProgress, (p: ServerRunProgress) => p.stage === 'output' && resolve()),
    );
    const first = requestRun(a.cal, a.calDoc, 'run', 'python-numpy');
    await started;
    const places: number[] = [];
    b.cal.on(
      ServerEvent.RunProgress,
      (p: ServerRunProgress) => p.stage === 'queued' && places.push(p.position),
    );
    setCode(b.calDoc, 'print("second")\n');
    const second = requestRun(b.cal, b.calDoc, 'run', 'python-numpy');
    setCode(c.calDoc, 'print("third")\n');
    // Wait until the second is in line, then the third finds the line full.
    await expect.poll(() => places.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const third = await requestRun(c.cal, c.calDoc, 'run', 'python-numpy');
    expect(third).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    if (!third.ok) expect(third.error.message).toMatch(/busy/);
    expect(await first).toMatchObject({ ok: true, data: { status: 'ok' } });
    expect(await second).toMatchObject({ ok: true, data: { status: 'ok', output: 'second\n' } });
    expect(places).toEqual([1]);
  });

  it('runs per person a minute, and run-seconds per room, are bounded with a sentence saying which', async () => {
    const { room } = await serverWith({ runsPerMinute: 2 });
    const r = await room();
    setCode(r.calDoc, 'print(1)\n');
    for (let i = 0; i < 2; i++)
      expect(await requestRun(r.cal, r.calDoc, 'run', 'python-numpy')).toMatchObject({ ok: true });
    const over = await requestRun(r.cal, r.calDoc, 'run', 'python-numpy');
    expect(over).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    if (!over.ok) expect(over.error.message).toMatch(/You can start 2 runs a minute: wait \d+ s\./);

    const seconds = await serverWith({ roomSecondsPerHour: 1 });
    const s = await seconds.room();
    setCode(s.calDoc, 'import time\ntime.sleep(1.2)\n');
    expect(await requestRun(s.cal, s.calDoc, 'run', 'python-numpy')).toMatchObject({ ok: true });
    const spent = await requestRun(s.cal, s.calDoc, 'run', 'python-numpy');
    expect(spent).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    if (!spent.ok) expect(spent.error.message).toMatch(/This room has used its 1 run-seconds for the hour/);
  });
});
