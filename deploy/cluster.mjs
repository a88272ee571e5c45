/**
 * Starts Mockloop on several nodes behind HAProxy on this machine: N server processes (each on a
 * free port, all on one PostgreSQL and one Redis) and HAProxy in front, with `deploy/haproxy.cfg`
 * and these nodes in it. Used by `npm run cluster` and by the cluster tests and benchmark.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = path.join(root, 'server/dist/main.js');
const WORKER_MAIN = path.join(root, 'server/dist/runnerWorkerMain.js');
const TEMPLATE = path.join(root, 'deploy/haproxy.cfg');

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/mockloop';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** A free TCP port on loopback (there is a race until it is bound again; fine on one machine). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Resolves once requests without a room (balanced round robin over the nodes HAProxy counts as
 * up) have reached every node of `ids`, by their `x-mockloop-node`; rejects after `timeoutMs`.
 */
export async function untilRouted(url, ids, timeoutMs = 20_000) {
  const missing = new Set(ids);
  const deadline = Date.now() + timeoutMs;
  while (missing.size > 0) {
    const node = await fetch(`${url}/healthz`)
      .then((r) => (r.ok ? r.headers.get('x-mockloop-node') : null))
      .catch(() => null);
    if (node) missing.delete(node);
    if (missing.size === 0) break;
    if (Date.now() > deadline) {
      throw new Error(`HAProxy at ${url} never routed to ${[...missing].join(', ')} in ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One node: a server process that can be killed (SIGKILL) and started again on its port. */
class Node {
  constructor(id, env, main = MAIN) {
    this.id = id;
    this.env = env;
    this.main = main;
    this.port = 0;
    this.internalPort = 0;
    this.child = null;
    this.log = '';
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The node's internal listener (`/internal/rooms`): loopback only, never through HAProxy. */
  get internalUrl() {
    return `http://127.0.0.1:${this.internalPort}`;
  }

  get pid() {
    return this.child?.pid;
  }

  start() {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [this.main], {
        env: {
          ...process.env,
          ...this.env,
          PORT: String(this.port),
          HOST: '127.0.0.1',
          // Its own free port first, the same one after a restart.
          INTERNAL_PORT: String(this.internalPort),
          NODE_ID: this.id,
          WORKER_ID: this.id,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.child = child;
      let output = '';
      const onData = (chunk) => {
        this.log += chunk;
        output += chunk;
        const port = /running at http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
        const internal = /Internal routes at http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
        if (port && internal) {
          this.port = Number(port);
          this.internalPort = Number(internal);
          resolve();
        } else if (/Runner worker \S+ is ready/.test(this.log)) {
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk) => {
        this.log += chunk;
      });
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = null;
        reject(new Error(`node ${this.id} exited (${code ?? signal}) before listening:\n${this.log}`));
      });
    });
  }

  /** SIGKILL: nothing of the process runs, as in a crash. */
  kill() {
    return this.signal('SIGKILL');
  }

  stop() {
    return this.signal('SIGTERM');
  }

  signal(signal) {
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

/**
 * @param {{ nodes?: number, workers?: number, port?: number, databaseUrl?: string, redisUrl?: string,
 *   env?: Record<string, string>, nodeEnv?: Array<Record<string, string>>,
 *   workerEnv?: Record<string, string>, haproxy?: string, quiet?: boolean }} options
 *   `workers`: runner worker processes (Java, C++, Go, Python + numpy runs), 0 by default.
 */
export async function startCluster(options = {}) {
  const count = options.nodes ?? 2;
  const port = options.port ?? (await freePort());
  const databaseUrl = options.databaseUrl ?? DEFAULT_DATABASE_URL;
  const redisUrl = options.redisUrl ?? DEFAULT_REDIS_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-cluster-'));
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    TRUST_PROXY: 'loopback',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: path.join(dir, 'data'),
    ...options.env,
  };
  // nodeEnv[i]: what node i has of its own (a test puts one node's Redis behind a proxy it cuts).
  const nodes = Array.from(
    { length: count },
    (_, i) => new Node(`n${i + 1}`, { ...env, ...options.nodeEnv?.[i] }),
  );
  const workers = Array.from(
    { length: options.workers ?? 0 },
    (_, i) => new Node(`w${i + 1}`, { ...env, ...options.workerEnv }, WORKER_MAIN),
  );
  const stopAll = async () => {
    await Promise.all([...nodes, ...workers].map((n) => n.stop()));
  };
  try {
    // The first node migrates the schema; the others find it done.
    await nodes[0].start();
    await Promise.all([...nodes.slice(1), ...workers].map((n) => n.start()));
  } catch (err) {
    await stopAll();
    throw err;
  }

  const template = fs.readFileSync(TEMPLATE, 'utf8');
  const servers = nodes.map((n) => `  server ${n.id} 127.0.0.1:${n.port} check`).join('\n');
  const config = template
    .replace(/bind 127\.0\.0\.1:\d+/, `bind 127.0.0.1:${port}`)
    .replace(/ {2}# NODES\n[\s\S]*? {2}# \/NODES/, `  # NODES\n${servers}\n  # /NODES`);
  const configFile = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(configFile, config);
  let haproxyLog = '';
  const haproxy = spawn(options.haproxy ?? 'haproxy', ['-db', '-f', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  haproxy.stdout.on('data', (d) => {
    haproxyLog += d;
  });
  haproxy.stderr.on('data', (d) => {
    haproxyLog += d;
  });
  try {
    await waitForPort(port);
  } catch (err) {
    haproxy.kill('SIGKILL');
    await stopAll();
    throw new Error(`HAProxy did not start: ${err.message}\n${haproxyLog}`);
  }
  const url = `http://127.0.0.1:${port}`;
  try {
    // Until its health checks have passed, HAProxy counts a node as down: wait until it routes to each.
    await untilRouted(
      url,
      nodes.map((n) => n.id),
    );
  } catch (err) {
    haproxy.kill('SIGKILL');
    await stopAll();
    throw new Error(`${err.message}\n${haproxyLog}`);
  }

  return {
    url,
    port,
    nodes,
    /** Resolves once HAProxy sends requests to `node` (after a start, its checks must pass first). */
    untilUp: (node, timeoutMs) => untilRouted(url, [node.id], timeoutMs),
    workers,
    configFile,
    haproxyLog: () => haproxyLog,
    /** The node that answered a request through HAProxy (its `x-mockloop-node`). */
    nodeOf: (res) => res.headers.get('x-mockloop-node'),
    async stop() {
      haproxy.kill('SIGTERM');
      await stopAll();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
