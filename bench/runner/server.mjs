#!/usr/bin/env node
// Server-side runner benchmark (not a test), part of `npm run bench:runner`: per server language,
//   cold   the first run after the runner starts (every run is a fresh sandbox and process, so
//          "cold" differs from "warm" by what the OS caches, not by anything the runner keeps);
//   warm   the median of the next runs, to first output, with compile and run times apart;
//   back to back: the second of two runs clicked one after the other;
//   bare   the same program compiled and run the same way without the sandbox: the overhead;
//   runs/s how many runs one node completes a second with RUNNER_CONCURRENCY sandboxes (cores);
// then the hostile corpus (fork bomb, memory bomb, endless output) through a real server while
// /healthz is polled every 25 ms: the worst /healthz latency (target 200 ms).
// Usage: node bench/runner/server.mjs [--runs 5]
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => path.join(root, 'server/dist', p);
const { SandboxExecutor } = await import(dist('execution/SandboxExecutor.js'));
const { LocalRunQueue } = await import(dist('execution/LocalRunQueue.js'));
const { TOOLCHAINS } = await import(dist('execution/toolchains.js'));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const LANGUAGES = ['python-numpy', 'java', 'cpp', 'go'];
const run = promisify(execFile);
/** A first program as people write it: the usual imports, one line of output. */
const PROGRAMS = {
  'python-numpy': 'import numpy as np\n\nprint("ok", np.arange(4).sum())\n',
  java: 'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n        System.out.println("ok " + List.of(1, 2, 3));\n    }\n}\n',
  cpp: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    vector<int> v{3, 1, 2};\n    sort(v.begin(), v.end());\n    cout << "ok " << v[0] << endl;\n}\n',
  go: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("ok", 6*7)\n}\n',
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '-');

/** One run through the sandbox: time to first output, compile and run times. */
async function sandboxed(executor, language) {
  const started = performance.now();
  let first = null;
  const outcome = await executor.execute(
    {
      id: `bench-${language}-${Math.random().toString(36).slice(2)}`,
      language,
      code: PROGRAMS[language],
      timeLimitMs: 20_000,
    },
    (p) => {
      if (p.stage === 'output' && first === null) first = performance.now() - started;
    },
  );
  if (outcome.status !== 'ok') throw new Error(`${language}: ${outcome.error}`);
  return { first: first ?? performance.now() - started, compile: outcome.compileMs ?? 0, run: outcome.runMs };
}

/** The same program, the same commands, no sandbox: in a temp folder as this user. */
async function bare(executor, language) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bare-'));
  try {
    const plan = TOOLCHAINS[language].plan({
      code: PROGRAMS[language],
      tests: false,
      memoryBytes: 512 * 1024 * 1024,
    });
    for (const [name, text] of Object.entries(plan.files)) fs.writeFileSync(path.join(dir, name), text);
    const local = (cmd) => cmd.replaceAll('/opt/mockloop', executor.cacheDir);
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: dir,
      LANG: 'C.UTF-8',
      TMPDIR: dir,
      ...TOOLCHAINS[language].env,
      GOCACHE: path.join(dir, 'gocache'),
      GOPATH: path.join(dir, 'go'),
    };
    const started = performance.now();
    if (plan.compile) await run('/bin/sh', ['-c', local(plan.compile)], { cwd: dir, env });
    const first = await new Promise((resolve, reject) => {
      const child = spawn('/bin/sh', ['-c', local(plan.run)], {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.stdout.once('data', () => resolve(performance.now() - started));
      child.once('error', reject);
    });
    return first;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function throughput(executor, language, count) {
  const queue = new LocalRunQueue(Promise.resolve(executor), os.availableParallelism(), count);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      queue.submit({
        id: `tp-${language}-${i}`,
        language,
        code: PROGRAMS[language],
        timeLimitMs: 20_000,
      }),
    ),
  );
  return count / ((performance.now() - started) / 1000);
}

console.log(
  `Server runner: ${os.availableParallelism()} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const t0 = performance.now();
const executor = await SandboxExecutor.start();
console.log(
  `runner ready in ${ms(performance.now() - t0)} (harnesses prepared earlier; the first start builds them)`,
);
const rows = [];
for (const language of LANGUAGES) {
  if (!executor.availability[language].available) {
    rows.push([language, executor.availability[language].reason]);
    continue;
  }
  const cold = await sandboxed(executor, language);
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await sandboxed(executor, language));
  const [, second] = [await sandboxed(executor, language), await sandboxed(executor, language)];
  const bares = [];
  for (let i = 0; i < RUNS; i++) bares.push(await bare(executor, language));
  const perSecond = await throughput(executor, language, 4 * os.availableParallelism());
  const warmFirst = median(warm.map((w) => w.first));
  rows.push([
    language,
    ms(cold.first),
    ms(warmFirst),
    ms(median(warm.map((w) => w.compile))),
    ms(median(warm.map((w) => w.run))),
    ms(second.first),
    ms(median(bares)),
    ms(warmFirst - median(bares)),
    perSecond.toFixed(2),
  ]);
}
const header = [
  'language',
  'cold 1st output',
  'warm 1st output',
  'compile',
  'run',
  'back to back',
  'bare',
  'sandbox overhead',
  'runs/s (node)',
];
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

// ---- the hostile corpus against a real server, /healthz polled meanwhile ----------------------
const { io } = await import(path.join(root, 'node_modules/socket.io-client/build/esm-debug/index.js')).catch(
  () => import('socket.io-client'),
);
const Y = await import('yjs');
const { WebsocketProvider } = await import('y-websocket');
const { default: WebSocket } = await import('ws');
const { codeTextHash } = await import(path.join(root, 'shared/dist/index.js'));
const { hostile } = await import('./hostilePrograms.mjs');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-sandbox-'));
const server = spawn(process.execPath, [dist('main.js')], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    RUNNER_RUNS_PER_MINUTE: '1000',
    RUNNER_ROOM_SECONDS: '100000',
    RUNNER_ADDRESS_SECONDS: '100000',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  let log = '';
  server.stdout.on('data', (d) => {
    log += d;
    const m = /running at (http:\/\/\S+)/.exec(log);
    if (m) resolve(m[1]);
  });
});
try {
  const room = await (
    await fetch(`${url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roundType: 'coding', name: 'Ivy' }),
    })
  ).json();
  const socket = io(url, { transports: ['websocket'], query: { room: room.roomId } });
  const join = await socket.emitWithAck('room:join', { roomId: room.roomId, secret: room.secret });
  const doc = new Y.Doc();
  doc.clientID = join.data.documents.code.clientId;
  const provider = new WebsocketProvider(
    `${url.replace('http', 'ws')}/yjs`,
    join.data.documents.code.name,
    doc,
    {
      params: { token: join.data.documents.code.token },
      WebSocketPolyfill: WebSocket,
      disableBc: true,
    },
  );
  await new Promise((resolve) => provider.once('sync', resolve));
  let worst = 0;
  let polls = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const started = performance.now();
      await fetch(`${url}/healthz`);
      worst = Math.max(worst, performance.now() - started);
      polls++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const outcomes = [];
  for (const language of LANGUAGES) {
    await socket.emitWithAck('room:set-language', { language });
    for (const [attack, code] of Object.entries(hostile[language])) {
      doc.transact(() => {
        const text = doc.getText('code');
        text.delete(0, text.length);
        text.insert(0, code);
      });
      const ack = await socket.emitWithAck('run:request', {
        kind: 'run',
        language,
        textHash: codeTextHash(code),
      });
      outcomes.push(
        `${language} ${attack}: ${ack.ok ? `${ack.data.status}${ack.data.error ? ` (${ack.data.error.split('\n')[0]})` : ''}` : ack.error.message}`,
      );
    }
  }
  polling = false;
  await poller;
  console.log('\nHostile corpus through the server (each contained):');
  for (const line of outcomes) console.log(`  ${line}`);
  console.log(`/healthz during it: ${polls} polls, worst ${ms(worst)} (target 200 ms)`);
  provider.destroy();
  socket.disconnect();
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
