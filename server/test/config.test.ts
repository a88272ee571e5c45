import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../test-support/runProcess.js';
import { SETTINGS } from '../src/config/settings.js';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const aFile = fileURLToPath(import.meta.url);

/** A value each variable must refuse. Every variable of the schema has one (checked below). */
const BAD: Record<string, string> = {
  PORT: 'abc',
  HOST: 'not a host!',
  DATA_DIR: aFile,
  QUESTIONS_DIR: aFile,
  CLIENT_DIR: aFile,
  PUBLIC_URL: 'mock.example.org',
  ALLOWED_ORIGINS: 'not-an-origin',
  ALLOWED_HOSTS: 'bad/host',
  INTERNAL_PORT: '-1',
  INTERNAL_HOST: 'two words',
  NODE_ID: 'a node',
  TRUST_PROXY: '999.1.1.1/99',
  LOG_LEVEL: 'loud',
  LOG_FORMAT: 'xml',
  TOKEN_SECRET: 'too-short',
  DATABASE_URL: 'mysql://db/mock',
  DATABASE_SCHEMA: '1-bad',
  REDIS_URL: 'http://cache:6379',
  REDIS_PREFIX: 'has space',
  LOBBY_ARRIVAL_MS: 'soon',
  DOC_UNLOAD_GRACE_MS: '-5',
  ROOM_RETENTION_DAYS: '0',
  ROUNDS_PER_ROOM: '1000',
  SIM_MINUTE_MS: '50',
  FILES_TOTAL_BYTES: '10',
  DRAIN_DELAY_MS: '1.5',
  ROOMS_PER_IP_PER_HOUR: '0',
  LOBBY_ENTRIES_PER_IP_PER_HOUR: 'many',
  CONNECTIONS_PER_IP: '1e3',
  JOIN_TIMEOUT_MS: '5',
  CONTROL_EVENTS_PER_SECOND: 'NaN',
  CONTROL_EVENT_BURST: '0',
  DOC_MESSAGES_PER_SECOND: 'Infinity',
  DOC_MESSAGE_BURST: '-1',
  DOC_BYTES_PER_SECOND: '100',
  DOC_BYTE_BURST: '0x10',
  DOC_APPLY_MS_PER_SECOND: '5000',
  DOC_ASSEMBLY_BYTES: '1 MiB',
  DOC_ASSEMBLY_DEADLINE_MS: '10',
  DOC_LOAD_BUDGET_MS: '9',
  HISTORY_BYTES_PER_DOCUMENT: '0',
  HISTORY_BYTES_PER_PERSON: '-1',
  HISTORY_BYTES_PER_ROOM: 'lots',
  HEADERS_TIMEOUT_MS: '50',
  REQUEST_TIMEOUT_MS: '99',
  ICE_SERVERS: '[{"urls":"http://stun.example.org"}]',
  TURN_URLS: 'http://turn.example.org',
  TURN_SECRET: 'set-without-turn-urls',
  TURN_TTL_SECONDS: '10',
  ICE_TRANSPORT_POLICY: 'none',
  RUNNER_MODE: 'remote',
  RUNNER_LANGUAGES: 'java,cobol',
  RUNNER_CONCURRENCY: '0',
  RUNNER_QUEUE_MAX: '-3',
  RUNNER_QUEUE_WAIT_SECONDS: '0',
  RUNNER_RUNS_PER_MINUTE: 'often',
  RUNNER_ROOM_SECONDS: '0',
  RUNNER_ADDRESS_SECONDS: '1.5',
  RUNNER_MEMORY_MB: '16',
  RUNNER_PROCESSES: '2',
  RUNNER_CPUS: '0',
  RUNNER_COMPILE_SECONDS: '9999',
  RUNNER_CACHE_DIR: aFile,
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs main.js with `env` until it exits; its code, stdout and stderr. */
function run(env: Record<string, string>, args: string[] = []) {
  return runProcess(mainJs, args, { env: { PATH: process.env.PATH ?? '', ...env }, timeoutMs: 20_000 });
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-config-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a bad value for any variable stops start-up in one line (config schema)', () => {
  it('has a bad value for every variable of the schema', () => {
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(SETTINGS).sort());
  });

  it('exits 1 with one line naming the variable, binds no port and creates no data', {
    timeout: 240_000,
  }, async () => {
    const names = Object.keys(BAD);
    const failures: string[] = [];
    // A few at a time: each is a Node start.
    for (let i = 0; i < names.length; i += 4) {
      await Promise.all(
        names.slice(i, i + 4).map(async (name) => {
          const [port, internalPort] = [await freePort(), await freePort()];
          const dataDir = path.join(root, name);
          const env = { PORT: String(port), INTERNAL_PORT: String(internalPort), DATA_DIR: dataDir };
          const result = await run({ ...env, [name]: BAD[name] as string });
          const lines = result.stderr.trim().split('\n');
          const named = new RegExp(`^Configuration error: ${name}[= ]`);
          if (result.code !== 1) failures.push(`${name}: exit ${result.code}`);
          if (lines.length !== 1 || !named.test(lines[0] ?? ''))
            failures.push(`${name}: said ${result.stderr}`);
          // The value is quoted, except a secret's (its length is said) and rules across variables.
          const quoted = result.stderr.includes(`${name}=${JSON.stringify(BAD[name])} is not allowed: `);
          const acrossOrSecret = / is set but |characters, hidden|REQUEST_TIMEOUT_MS \(/.test(result.stderr);
          if (!quoted && !acrossOrSecret)
            failures.push(`${name}: the value is not quoted in ${result.stderr}`);
          if (result.stdout !== '') failures.push(`${name}: printed ${result.stdout}`);
          if (name !== 'DATA_DIR' && fs.existsSync(dataDir)) failures.push(`${name}: created ${dataDir}`);
          if ((await listening(port)) || (await listening(internalPort)))
            failures.push(`${name}: a port listens`);
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it('a secret is never echoed: its length is', async () => {
    const result = await run({ TOKEN_SECRET: 'too-short', DATA_DIR: path.join(root, 'secret') });
    expect(result.stderr).toBe(
      'Configuration error: TOKEN_SECRET=(9 characters, hidden) is not allowed: at least 16 characters.\n',
    );
  });

  it('--print-config prints every variable, secrets masked, and starts nothing', async () => {
    const dataDir = path.join(root, 'print');
    const env = {
      DATA_DIR: dataDir,
      TOKEN_SECRET: 'a-token-secret-long-enough',
      DATABASE_URL: 'postgres://mock:db-password@127.0.0.1:1/mock',
    };
    const result = await run(env, ['--print-config']);
    expect(result.code).toBe(0);
    const names = result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('=')[0]);
    expect(names.sort()).toEqual(Object.keys(SETTINGS).sort());
    expect(result.stdout).toContain('TOKEN_SECRET=(set, hidden)');
    expect(result.stdout).toContain('DATABASE_URL=postgres://mock:***@127.0.0.1:1/mock');
    expect(result.stdout).not.toContain('a-token-secret-long-enough');
    expect(result.stdout).not.toContain('db-password');
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
