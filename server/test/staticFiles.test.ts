import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer.js';

/** A built client in miniature: a hashed bundle with both copies, Python with brotli only. */
const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-client-'));
const bundle = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4000)]);

let server: TestServer;
beforeAll(async () => {
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.mkdirSync(path.join(clientDir, 'pyodide', '0.28.3'), { recursive: true });
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Mockloop</title>');
  fs.writeFileSync(path.join(clientDir, 'assets', 'index-abc.js'), bundle);
  fs.writeFileSync(path.join(clientDir, 'assets', 'index-abc.js.br'), zlib.brotliCompressSync(bundle));
  fs.writeFileSync(path.join(clientDir, 'assets', 'index-abc.js.gz'), zlib.gzipSync(bundle));
  fs.writeFileSync(path.join(clientDir, 'pyodide', '0.28.3', 'pyodide.asm.wasm'), wasm);
  fs.writeFileSync(
    path.join(clientDir, 'pyodide', '0.28.3', 'pyodide.asm.wasm.br'),
    zlib.brotliCompressSync(wasm),
  );
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${url}`, { headers: { 'accept-encoding': 'identity', ...headers } });

describe('static files, served like a CDN would', () => {
  it('answers Accept-Encoding with the precompressed copy, the original type and Vary', async () => {
    const cases: Array<[string, string | null]> = [
      ['br, gzip', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', null],
    ];
    for (const [accept, expected] of cases) {
      const res = await fetch(`${server.url}/assets/index-abc.js`, {
        headers: { 'accept-encoding': accept },
      });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get('content-encoding'), accept).toBe(expected);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // fetch decodes what it was sent: the same script whichever copy went out.
      expect(await res.text(), accept).toBe(bundle);
    }
    // What went over the wire is the small copy (fetch hands back the decoded body).
    const sent = await get('/assets/index-abc.js', { 'accept-encoding': 'br' });
    expect(Number(sent.headers.get('content-length'))).toBeLessThan(bundle.length / 10);
  });

  it('serves Python under its version, as WebAssembly, immutable; a range gets the plain file', async () => {
    const res = await fetch(`${server.url}/pyodide/0.28.3/pyodide.asm.wasm`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(wasm);
    const ranged = await get('/pyodide/0.28.3/pyodide.asm.wasm', {
      'accept-encoding': 'br',
      range: 'bytes=0-3',
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(wasm.subarray(0, 4));
    // A file with no copy, and a name that is only a copy, are what express.static makes of them.
    expect(
      (await get('/index.html', { 'accept-encoding': 'br' })).headers.get('content-encoding'),
    ).toBeNull();
    expect((await get('/assets/missing.js', { 'accept-encoding': 'br' })).status).toBe(404);
  });
});

describe('pages of the app', () => {
  it("answers a track's pages with the app: 200 when they exist, 404 for an unknown track or question", async () => {
    const cases: Array<[string, number]> = [
      ['/tracks/netflix-mle', 200],
      ['/tracks/nope', 404],
      ['/tracks/netflix-mle/questions/netflix-mle-top-k-trending', 200],
      ['/tracks/netflix-mle/questions/nope', 404],
      // A question of the bank, asked for under a track it does not belong to.
      ['/tracks/nope/questions/netflix-mle-top-k-trending', 404],
      // Every track has its pages; a question is only found under its own track.
      ['/tracks/backend-swe', 200],
      ['/tracks/backend-swe/questions/backend-swe-deploy-waves', 200],
      ['/tracks/backend-swe/questions/netflix-mle-top-k-trending', 404],
    ];
    for (const [url, status] of cases) {
      const res = await get(url, { accept: 'text/html' });
      expect(res.status, url).toBe(status);
      expect(await res.text(), url).toContain('<title>Mockloop</title>');
    }
  });
});
