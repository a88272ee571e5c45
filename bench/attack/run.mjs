#!/usr/bin/env node
/**
 * `npm run bench:attack`: runs each attack of issues 11 and 23 against a fresh build of our server, on
 * its embedded defaults, from one address (127.0.0.1), while a separate process asks /healthz
 * every 50 ms from another address (127.0.0.2). Prints, per attack, what the server did and
 * /healthz's p50, p99 and worst latency during it (target: worst under 200 ms).
 */
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClientEvent } from '@mockloop/shared';
import { io } from 'socket.io-client';
import { ATTACKS } from './attacks.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const only = process.argv
  .slice(2)
  .find((a) => a.startsWith('--only='))
  ?.slice(7);

function startServer(dataDir) {
  return new Promise((resolve, reject) => {
    // Pinned to one core, as the load benchmark pins it; the attacker and prober get the other.
    const child = spawn('taskset', ['-c', '0', process.execPath, path.join(root, 'server/dist/main.js')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TRUST_PROXY: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => {
      log += d;
      const port = /running at http:\/\/[^:]+:(\d+)/.exec(log)?.[1];
      if (port) resolve({ child, port: Number(port), log: () => log });
    });
    child.stderr.on('data', (d) => {
      log += d;
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${log}`)));
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function ask(prober, type) {
  return new Promise((resolve) => {
    if (type !== 'report') {
      prober.send({ type });
      resolve(undefined);
      return;
    }
    prober.once('message', (m) => resolve(m.latencies));
    prober.send({ type });
  });
}

async function seat(url) {
  const res = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roundType: 'system-design', name: 'Ivy' }),
  });
  if (res.status !== 201) throw new Error(`create room: ${res.status}`);
  const { roomId, secret } = await res.json();
  const sockets = [];
  const join = async (payload) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    const ack = await socket.timeout(10_000).emitWithAck(ClientEvent.Join, payload);
    if (!ack.ok) throw new Error(`join: ${ack.error.message}`);
    return ack.data;
  };
  const interviewer = await join({ roomId, secret });
  const candidate = await join({ roomId, name: 'Cal' });
  const observer = await join({ roomId, name: 'Obi' });
  return {
    interviewer,
    candidate,
    observer,
    sockets,
    close: () => {
      for (const s of sockets) s.disconnect();
    },
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-attack-'));
const server = await startServer(dataDir);
const url = `http://127.0.0.1:${server.port}`;
const prober = fork(path.join(here, 'healthProber.mjs'), ['127.0.0.1', String(server.port)]);
const ctx = {
  url,
  wsUrl: url.replace('http', 'ws'),
  host: '127.0.0.1',
  port: server.port,
  seat: () => seat(url),
  dataDir,
};
const rows = [];
try {
  for (const attack of ATTACKS) {
    if (only && !attack.name.includes(only)) continue;
    await ask(prober, 'mark');
    const started = performance.now();
    let outcome;
    try {
      outcome = await attack.run(ctx);
    } catch (err) {
      outcome = `attack failed: ${err.message}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250)); // what the attack left behind
    const latencies = (await ask(prober, 'report')).sort((a, b) => a - b);
    const alive = server.child.exitCode === null;
    rows.push({
      attack: attack.name,
      outcome: alive ? outcome : `SERVER DIED: ${outcome}`,
      seconds: (performance.now() - started) / 1000,
      probes: latencies.length,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      worst: latencies.at(-1) ?? 0,
    });
    const r = rows.at(-1);
    console.log(
      `${r.attack.padEnd(44)} ${r.worst.toFixed(1).padStart(8)} ms worst, ${r.p99.toFixed(1)} p99, ${r.p50.toFixed(1)} p50 (${r.probes} probes, ${r.seconds.toFixed(1)} s): ${r.outcome}`,
    );
    if (!alive) break;
  }
} finally {
  prober.send({ type: 'stop' });
  server.child.kill('SIGTERM');
}

console.log('\n| attack | what the server did | /healthz worst | p99 | p50 |');
console.log('|---|---|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.attack} | ${r.outcome} | ${r.worst.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.p50.toFixed(1)} ms |`,
  );
}
const worst = Math.max(...rows.map((r) => r.worst));
console.log(`\nWorst /healthz latency under any attack: ${worst.toFixed(1)} ms (target 200 ms).`);
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/attack.json'), JSON.stringify(rows, null, 2));
fs.rmSync(dataDir, { recursive: true, force: true });
