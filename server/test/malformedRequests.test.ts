import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy } from './support/rawDocSocket.js';
import { type ServerProcess, startServerProcess } from './support/serverProcess.js';
import { startTestServer } from './support/testServer.js';

/**
 * Every route the HTTP app serves, as `METHOD path`. A test below checks this list against the
 * app's own router, so a new route cannot be added without joining the malformed-input corpus.
 */
const ROUTES = [
  'GET /healthz',
  'GET /readyz',
  'POST /api/rooms',
  'GET /api/rooms/:roomId',
  'DELETE /api/rooms/:roomId',
  'GET /api/questions',
  'GET /api/questions/:id',
  'GET /api/tracks',
  'GET /api/tracks/:id',
  'GET /api/rooms/:roomId/brief',
  'GET /api/rooms/:roomId/report',
  'GET /api/rooms/:roomId/report-key',
  'GET /api/rooms/:roomId/report/rounds/:round/code',
  'GET /api/rooms/:roomId/replay/:round',
  'GET /api/rooms/:roomId/replay/:round/:kind',
  'POST /api/rooms/:roomId/files',
  'GET /api/rooms/:roomId/files/:fileId',
  'POST /api/simulations',
  'GET /api/rooms/:roomId/simulation/brief',
  'POST /api/rooms/:roomId/reviews',
  'GET /api/rooms/:roomId/reviews',
  'DELETE /api/rooms/:roomId/reviews/:reviewId',
  'GET /api/rooms/:roomId/review',
  'POST /api/rooms/:roomId/review/comments',
  'POST /api/rooms/:roomId/review/scorecard',
  'GET /r/:roomId',
  'GET /r/:roomId/report',
  'GET /r/:roomId/review',
  'GET /tracks/:trackId',
  'GET /tracks/:trackId/questions/:questionId',
  'GET /lobby',
  'GET /practice',
  'GET /',
  'GET /index.html',
  'GET /{*path}',
  // My questions (P-MYQ-*).
  'GET /api/my-questions',
  'POST /api/my-questions',
  'POST /api/my-questions/import',
  'GET /api/my-questions/export',
  'GET /api/my-questions/:key',
  'PUT /api/my-questions/:key',
  'DELETE /api/my-questions/:key',
  'POST /api/my-questions/:key/share',
  'GET /api/shared-questions/:shareKey',
  'POST /api/shared-questions/:shareKey/copy',
  'GET /my-questions',
  'GET /my-questions/:key',
  'GET /shared-questions/:shareKey',
  // Voice recordings (P-AUDIO-*).
  'POST /api/rooms/:roomId/recordings',
  'PUT /api/rooms/:roomId/recordings/:recordingId/pieces/:seq',
  'GET /api/rooms/:roomId/rounds/:round/recordings',
  'GET /api/rooms/:roomId/rounds/:round/recordings/:recordingId',
];

const BAD_SEGMENTS = ['%E0%A4%A', '%', '%00', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(8000), '%ZZ', '\u00ff'];

/** Fills each `:param` (and the wildcard) of a route with a malformed segment. */
function malformedPaths(route: string): string[] {
  const pattern = route.split(' ')[1] as string;
  return BAD_SEGMENTS.map((bad) => pattern.replace(/:[A-Za-z]+|\{\*path\}/g, bad).replace(/^\/$/, `/${bad}`));
}

/** Sends raw bytes on a fresh TCP connection; resolves with the status line (or '' if cut). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let reply = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) socket.destroy();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(reply.split('\r\n')[0] ?? ''));
  });
}

const upgrade = (target: string, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
  `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`;

describe('no request ends the process', () => {
  let server: ServerProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-malformed-'));
    server = await startServerProcess(dataDir);
  });
  afterAll(async () => {
    await server.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the corpus covers every route of the app', async () => {
    const app = await startTestServer({
      clientDir: fileURLToPath(new URL('../../client/dist', import.meta.url)),
    });
    try {
      expect(routesOf(app.app.httpApp.router).sort()).toEqual([...ROUTES].sort());
    } finally {
      await app.close();
    }
  });

  it('P-HTTP-1: malformed paths, bodies, headers and upgrades on every route answer that request alone', async () => {
    const requests: string[] = [];
    for (const route of ROUTES) {
      const method = route.split(' ')[0] as string;
      for (const target of malformedPaths(route)) {
        requests.push(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n`);
        requests.push(upgrade(target)); // an upgrade where none is served
      }
    }
    const json = (body: string, type = 'application/json') =>
      `POST /api/rooms HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    requests.push(
      json('{"roundType":'),
      json('[]'),
      json('{"roundType":"coding","name":"\\u0000"}'),
      json(`{"roundType":"coding","pad":"${'x'.repeat(20_000)}"}`),
      json('roundType=coding', 'application/x-www-form-urlencoded'),
      `POST /api/my-questions/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${'A'.repeat(43)}\r\nContent-Type: application/yaml\r\nContent-Length: 22\r\n\r\na: &a [*a]\nb: [*b, *b]`,
      `POST /api/my-questions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${'A'.repeat(43)}\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{"title":`,
      'POST /api/rooms HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n',
      'POST /api/rooms HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n12345',
      `GET /api/questions HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      'GET /api/questions HTTP/1.1\r\nHost: local\u0001host\r\n\r\n',
      'GET /api/rooms/AAAAAAAAAAAAAAAAAAAAAA/brief HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %E0\r\n\r\n',
      'GET http://[::1 HTTP/1.1\r\nHost: localhost\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: localhost\r\n\r\n',
      'GARBAGE\r\n\r\n',
      upgrade('/yjs/%E0%A4%A'),
      upgrade('/yjs/%E0%A4%A?token=%E0%A4%A'),
      upgrade(`/yjs/${'A'.repeat(22)}.code-1?token=${'x'.repeat(4000)}`),
      upgrade('/yjs/../../etc/passwd'),
      upgrade('/yjs/'),
      upgrade('http://[::1/yjs/x'),
      upgrade('/socket.io/?EIO=4&transport=websocket', 'Origin: %E0%A4%A\r\n'),
      upgrade('/socket.io/?EIO=999&transport=websocket'),
      upgrade('/socket.io/?EIO=4&transport=polling'),
      'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
      upgrade('/elsewhere'),
    );
    for (let i = 0; i < requests.length; i += 25) {
      await Promise.all(requests.slice(i, i + 25).map((request) => raw(server.port, request)));
    }
    await expectHealthy(server.url);
    expect(server.output()).not.toMatch(/unhandled rejection|uncaught/i);
    console.log(`malformed requests: ${requests.length} sent, the server still answers /healthz`);
  });
});

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `METHOD path` of every route in an Express 5 router, including nested routers. */
function routesOf(router: unknown): string[] {
  const stack = (router as { stack?: Layer[] } | undefined)?.stack ?? [];
  return stack.flatMap((layer) => {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      const methods = Object.keys(layer.route.methods).map((m) => m.toUpperCase());
      return methods.flatMap((m) => paths.map((p) => `${m} ${p}`));
    }
    return layer.handle?.stack ? routesOf(layer.handle) : [];
  });
}
