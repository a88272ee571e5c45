import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropSchema, storeOptions } from './pg.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const mainJs = path.join(repoRoot, 'server/dist/main.js');

export interface ServerProcess {
  port: number;
  url: string;
  wsUrl: string;
  /** SIGKILL: no shutdown hook runs, exactly like a crash. */
  kill(): Promise<void>;
  /** Starts a new process on the same port and data directory. */
  restart(): Promise<void>;
  /** Graceful stop (SIGTERM): the data stays for a restart. */
  stop(): Promise<void>;
  /** Stops for good: on PostgreSQL, also drops the server's schema. */
  dispose(): Promise<void>;
  /** The store this server uses, for tests that write to it behind its back. */
  storeOptions: { databaseUrl?: string; databaseSchema?: string };
  output(): string;
}

/**
 * Runs the built server (server/dist/main.js) as its own process, the way `npm start` does, so a
 * test can SIGKILL it and start it again on the same port and data.
 */
export async function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  let child: ChildProcess | undefined;
  let log = '';
  let port = 0;
  // On the PostgreSQL matrix entry, this server's own schema (kept across restarts).
  const store = storeOptions();
  const storeEnv: Record<string, string> = store.databaseUrl
    ? { DATABASE_URL: store.databaseUrl, DATABASE_SCHEMA: store.databaseSchema ?? '' }
    : {};

  const launch = () =>
    new Promise<number>((resolve, reject) => {
      const proc = spawn(process.execPath, [mainJs], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          ...storeEnv,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const match = /running at http:\/\/[^:]+:(\d+)/.exec(log.slice(-500));
        if (match?.[1]) resolve(Number(match[1]));
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
      });
      proc.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${log}`)));
    });

  const waitExit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });

  port = await launch();
  return {
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${port}`;
    },
    kill: () => waitExit('SIGKILL'),
    stop: () => waitExit('SIGTERM'),
    async dispose() {
      await waitExit('SIGTERM');
      if (store.databaseSchema) await dropSchema(store.databaseSchema);
    },
    async restart() {
      log = '';
      await launch();
    },
    output: () => log,
    storeOptions: store,
  };
}
