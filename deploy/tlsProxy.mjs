/**
 * HAProxy terminating TLS in front of one Mockloop node, with `deploy/haproxy-tls.cfg` and a given
 * certificate: how the HTTPS tests put a real proxy between the browser and the server.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './cluster.mjs';

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'haproxy-tls.cfg');

/**
 * @param {{ nodePort: number, pemFile: string, port?: number, httpPort?: number }} options
 * @returns {Promise<{ port: number, httpPort: number, url: string, stop(): Promise<void>, log(): string }>}
 */
export async function startTlsProxy(options) {
  const port = options.port ?? (await freePort());
  const httpPort = options.httpPort ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-tls-'));
  const config = fs
    .readFileSync(TEMPLATE, 'utf8')
    .replace(/bind \S+ +# BIND-HTTP/, `bind 127.0.0.1:${httpPort}`)
    .replace(/bind \S+ ssl crt \S+/, `bind 127.0.0.1:${port} ssl crt ${options.pemFile}`)
    .replace(/server mockloop \S+ check/, `server mockloop 127.0.0.1:${options.nodePort} check`);
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, config);
  let log = '';
  const child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`HAProxy (TLS) did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    httpPort,
    url: `https://localhost:${port}`,
    log: () => log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
