import {
  ClientEvent,
  type JoinResult,
  SERVER_LANGUAGES,
  type ServerLanguage,
  type ServerRunResult,
} from '@mockloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRunnerSettings } from '../src/config/loadConfig.js';
import { type ControlSocket, connectControl, type DocClient, joinOk, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import {
  RUNNER_READY_MS,
  requestRun,
  runnerReady,
  runRoom,
  setCode,
  sharedRuns,
  TOP_K_ANSWERS,
} from './support/serverRunRoom.js';
import { startTestServer, type TestServer } from './support/testServer.js';

// One server for the file: each language compiles for real, which is the slow part.
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
});

const passed = (result: ServerRunResult) => result.tests?.filter((t) => t.pass).length;

describe.each(SERVER_LANGUAGES.map((l) => [l] as [ServerLanguage]))('%s on the server', (language) => {
  it('P-SRUN-1, P-SRUN-3, P-SRUN-4: a right answer passes Run tests, a wrong one fails; the server records both for the room', async () => {
    const room = await runRoom(server.url, control, doc, language);
    setCode(room.calDoc, TOP_K_ANSWERS[language].right);
    const right = await requestRun(room.cal, room.calDoc, 'tests', language);
    expect(right.ok, JSON.stringify(right)).toBe(true);
    if (!right.ok) return;
    expect(right.data.status, right.data.error).toBe('ok');
    expect(passed(right.data)).toBe(3);
    expect(right.data.tests).toHaveLength(3);

    setCode(room.calDoc, TOP_K_ANSWERS[language].wrong);
    const wrong = await requestRun(room.cal, room.calDoc, 'tests', language);
    if (!wrong.ok) throw new Error(wrong.error.message);
    expect(wrong.data.status, wrong.data.error).toBe('ok');
    expect(passed(wrong.data)).toBe(0);
    expect(wrong.data.tests?.[0]).toMatchObject({
      name: 'counts in the last hour',
      expected: [[1, 2]],
      got: [[]],
    });

    // Both records, written by the server, reach the interviewer's copy of the document.
    await eventually(() => {
      const runs = sharedRuns(room.ivyDoc);
      expect(runs.map((r) => [r.kind, r.where, r.by.name, r.tests?.filter((t) => t.pass).length])).toEqual([
        ['tests', 'server', 'Cal', 3],
        ['tests', 'server', 'Cal', 0],
      ]);
    });
  });

  it('P-SRUN-2: the interviewer runs the hidden tests from the bank; the room gets the count and coarse times only', async () => {
    const room = await runRoom(server.url, control, doc, language);
    setCode(room.calDoc, TOP_K_ANSWERS[language].right);
    // The candidate may not run them.
    const refused = await requestRun(room.cal, room.calDoc, 'hidden-tests', language);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await eventually(() => expect(room.ivyDoc.text.toString()).toBe(TOP_K_ANSWERS[language].right));
    const hidden = await requestRun(room.ivy, room.ivyDoc, 'hidden-tests', language);
    if (!hidden.ok) throw new Error(hidden.error.message);
    expect(hidden.data.status, hidden.data.error).toBe('ok');
    expect(passed(hidden.data)).toBe(9);
    setCode(room.calDoc, TOP_K_ANSWERS[language].wrong);
    await eventually(() => expect(room.ivyDoc.text.toString()).toBe(TOP_K_ANSWERS[language].wrong));
    const failing = await requestRun(room.ivy, room.ivyDoc, 'hidden-tests', language);
    if (!failing.ok) throw new Error(failing.error.message);
    expect(passed(failing.data)).toBeLessThan(9);
    await eventually(() => expect(sharedRuns(room.calDoc)).toHaveLength(2));
    for (const run of sharedRuns(room.calDoc)) {
      expect(Object.keys(run).sort()).toEqual(
        [
          'at',
          'by',
          'durationMs',
          'id',
          'kind',
          'language',
          'output',
          'status',
          'summary',
          'where',
          ...(run.compileMs === undefined ? [] : ['compileMs']),
        ].sort(),
      );
      expect(run.output).toBe('');
      expect(run.durationMs % 100).toBe(0);
      if (run.compileMs !== undefined) expect(run.compileMs % 100).toBe(0);
    }
    expect(sharedRuns(room.calDoc).map((r) => r.summary)).toEqual([
      { passed: 9, total: 9 },
      { passed: passed(failing.data), total: 9 },
    ]);
  });
});

describe('who may run what', () => {
  it('P-SRUN-1: an observer cannot run; a run of another language than the room is refused', async () => {
    const room = await runRoom(server.url, control, doc, 'python-numpy');
    const olga = control();
    await joinOk(olga, { roomId: room.roomId, name: 'Olga' });
    setCode(room.calDoc, 'print("hi")\n');
    const observer = await requestRun(olga, room.calDoc, 'run', 'python-numpy');
    expect(observer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const other = await requestRun(room.cal, room.calDoc, 'run', 'java');
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const ok = await requestRun(room.cal, room.calDoc, 'run', 'python-numpy');
    expect(ok).toMatchObject({ ok: true, data: { status: 'ok', output: 'hi\n' } });
  });

  it('P-SRUN-1: the server runs the shared code, waiting for edits that have not arrived; a stale hash is refused', async () => {
    const room = await runRoom(server.url, control, doc, 'python-numpy');
    // Asked the moment the edit is made: the server waits for it to arrive, then runs it.
    setCode(room.calDoc, 'print("saw this")\n');
    const fresh = await requestRun(room.cal, room.calDoc, 'run', 'python-numpy');
    expect(fresh).toMatchObject({ ok: true, data: { output: 'saw this\n' } });
    const stale = await room.cal.emitWithAck(ClientEvent.RunRequest, {
      kind: 'run',
      language: 'python-numpy',
      textHash: '00000000',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('P-SRUN-7: a compile error names the editor line', async () => {
    const room = await runRoom(server.url, control, doc, 'java');
    setCode(room.calDoc, 'class Solution {\n    int f() {\n        return 1\n    }\n}\n');
    const result = await requestRun(room.cal, room.calDoc, 'run', 'java');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.status).toBe('error');
    expect(result.data.error).toMatch(/^line 3: error: ';' expected/);
    expect(result.data.errorLine).toBe(3);
    expect(result.data.compileMs).toBeGreaterThan(0);
  });
});

describe('languages that cannot run here', () => {
  it('P-SRUN-6: each says why in a sentence, and the room works as before', async () => {
    const off = await startTestServer({
      runner: { ...loadRunnerSettings({}), languages: ['python-numpy'] },
    });
    const ownSockets: ControlSocket[] = [];
    const ownDocs: DocClient[] = [];
    try {
      const room = await runRoom(
        off.url,
        () => {
          const socket = connectControl(off.url);
          ownSockets.push(socket);
          return socket;
        },
        (access) => {
          const client = openDoc(off.wsUrl, access);
          ownDocs.push(client);
          return client;
        },
        'java',
      );
      const languages = await eventually(
        async () => {
          const ack = await room.cal.emitWithAck(ClientEvent.RunLanguages, {});
          const data = (
            ack as {
              ok: true;
              data: Record<string, { available: boolean; preparing?: boolean; reason?: string }>;
            }
          ).data;
          expect(data.java?.preparing).toBeFalsy();
          return data;
          // Asked four times a second: faster, the control socket's rate limit answers instead.
        },
        20_000,
        250,
      );
      expect(languages['python-numpy']).toEqual({ available: true });
      expect(languages.java).toEqual({
        available: false,
        reason: 'Java cannot run on this server: it is not enabled (RUNNER_LANGUAGES)',
      });
      setCode(room.calDoc, 'class Main {}\n');
      const refused = await requestRun(room.cal, room.calDoc, 'run', 'java');
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: languages.java?.reason },
      });
      // Everything else goes on: the question was revealed, its starter code written in Java.
      expect(room.calDoc.text.toString()).toBe('class Main {}\n');
    } finally {
      for (const d of ownDocs) d.destroy();
      for (const socket of ownSockets) socket.disconnect();
      await off.close();
    }
  });
});

describe('errors point at editor lines (P-SRUN-7)', () => {
  it('a Python + numpy test run that fails at import names the line of the code, not the harness', async () => {
    const room = await runRoom(server.url, control, doc, 'python-numpy');
    setCode(room.calDoc, 'import numpy as np\n\nx = 1 / 0\n');
    const result = await requestRun(room.cal, room.calDoc, 'tests', 'python-numpy');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.status).toBe('error');
    expect(result.data.output).toContain('File "solution.py", line 3');
    expect(result.data.output).not.toContain('harness.py');
    expect(result.data.errorLine).toBe(3);
  });
});
