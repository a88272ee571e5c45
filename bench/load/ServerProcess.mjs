import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exited, track } from './children.mjs';
import { cpuMeter, rssMiB } from './procStats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
const PROBE = path.join(here, 'loopDelayProbe.mjs');
const require = createRequire(import.meta.url);

/** Per-address limits for a benchmark whose thousands of clients all share one address. */
const BENCH_LIMITS = {
  ROOMS_PER_IP_PER_HOUR: '1000000',
  LOBBY_ENTRIES_PER_IP_PER_HOUR: '1000000',
  CONNECTIONS_PER_IP: '1000000',
};

/** The two servers under test: how to start each and how it says it is listening. */
const KINDS = {
  ours: {
    label: 'Mockloop',
    script: () => path.join(REPO_ROOT, 'server/dist/main.js'),
    ready: /Mockloop is running at/,
  },
  // Another build of our server (--compare-main), measured in the same grid: before and after.
  compare: {
    label: 'Mockloop (compare)',
    script: () => path.join(REPO_ROOT, 'server/dist/main.js'),
    ready: /Mockloop is running at/,
  },
  reference: {
    label: 'y-websocket 1.5.4',
    script: () =>
      path.join(path.dirname(require.resolve('y-websocket-reference/package.json')), 'bin/server.js'),
    ready: /running at/,
  },
};

/**
 * A server under test in its own process, pinned to one core with taskset, with the loop-delay
 * probe preloaded. `start` resolves once it listens; `stop` ends it (SIGTERM, then SIGKILL).
 */
export class ServerProcess {
  static label(kind) {
    return KINDS[kind].label;
  }

  /** Names the compared build in tables and progress lines. */
  static setCompareLabel(label) {
    KINDS.compare.label = label;
  }

  /**
   * @param {{kind: 'ours' | 'compare' | 'reference', port: number, cpu: string, env?: Record<string,string>,
   *   nodeArgs?: string[], script?: string}} options  `script` replaces the kind's entry point
   *   (another build of our server, e.g. a baseline to compare with)
   */
  static async start({ kind, port, cpu, env = {}, nodeArgs = [], script }) {
    const spec = KINDS[kind];
    const child = track(
      spawn(
        'taskset',
        ['-c', cpu, process.execPath, ...nodeArgs, '--import', PROBE, script ?? spec.script()],
        {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            // Our server finds its question bank and client next to its build: point another build here.
            QUESTIONS_DIR: path.join(REPO_ROOT, 'questions'),
            CLIENT_DIR: path.join(REPO_ROOT, 'client/dist'),
            // Every simulated person comes from 127.0.0.1: lift the per-address limits that
            // protect a public server (a build without them ignores these).
            ...BENCH_LIMITS,
            ...env,
            HOST: '127.0.0.1',
            PORT: String(port),
            NODE_ENV: 'production',
          },
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        },
      ),
    );
    const server = new ServerProcess(kind, child, port, cpu);
    await server.#ready(spec.ready);
    return server;
  }

  #output = '';
  #replies = [];

  constructor(kind, child, port, cpu) {
    this.kind = kind;
    this.cpu = cpu;
    this.child = child;
    this.pid = child.pid;
    this.url = `http://127.0.0.1:${port}`;
    this.wsUrl = `ws://127.0.0.1:${port}`;
    const keep = (chunk) => {
      // Keep only the tail: enough to explain a failure, bounded for long runs.
      this.#output = (this.#output + chunk).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('message', (message) => this.#replies.shift()?.(message));
  }

  /** What the server printed last (for error messages). */
  get output() {
    return this.#output;
  }

  #ready(pattern) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('server did not start within 30 s')), 30_000);
      const onExit = (code) => fail(new Error(`server exited with ${code}`));
      const done = () => {
        clearTimeout(timer);
        this.child.stdout.off('data', check);
        this.child.off('exit', onExit);
      };
      const fail = (err) => {
        done();
        this.child.kill('SIGKILL');
        reject(new Error(`${err.message}\n${this.#output}`));
      };
      const check = () => {
        if (!pattern.test(this.#output)) return;
        done();
        resolve();
      };
      this.child.stdout.on('data', check);
      this.child.once('exit', onExit);
    });
  }

  /** Sends a probe command and waits for its answer (bounded: a saturated server may be slow). */
  probe(command, timeoutMs = 15_000, fields = {}) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`probe ${command} timed out`)), timeoutMs);
      this.#replies.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
      this.child.send({ ...fields, probe: command });
    });
  }

  /** Measures the server's CPU use, and what else ran on its core meanwhile. */
  cpuMeter() {
    return cpuMeter(this.pid, this.cpu);
  }

  rssMiB() {
    return rssMiB(this.pid);
  }

  /** Asks the server to shut down cleanly (ours flushes its documents), then forces it. */
  async stop(graceMs = 15_000) {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    if (!(await exited(this.child, graceMs))) {
      this.child.kill('SIGKILL');
      await exited(this.child, 5_000);
    }
  }
}
