import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRoom } from './support/clients.js';
import { withTestServer } from './support/withTestServer.js';

/** A stand-in for the built client, with one file of each kind the server serves. */
const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-headers-'));
const files: Record<string, string> = {
  'index.html': '<!doctype html><script type="module" src="/assets/index-abc.js"></script>',
  'sandbox.html': '<!doctype html><script type="module" src="/assets/sandbox-abc.js"></script>',
  'assets/index-abc.js': 'export {};',
  'assets/sandbox-abc.js': 'export {};',
  'assets/subset-worker.chunk-abc.js': 'export {};',
  'pyodide/pyodide.mjs': 'export {};',
};
for (const [file, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(clientDir, file)), { recursive: true });
  fs.writeFileSync(path.join(clientDir, file), text);
}
afterAll(() => fs.rmSync(clientDir, { recursive: true, force: true }));

/** A CSP header as directive name → sources. */
function policy(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

function expectCommonHeaders(res: Response, what: string) {
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(res.headers.get('content-security-policy'), what).toBeTruthy();
  expect(res.headers.get('x-powered-by'), what).toBeNull();
}

describe('security headers', () => {
  const t = withTestServer({ clientDir });

  it('every page, script and API answer carries the app policy: scripts from itself only, no framing', async () => {
    const { roomId } = await createRoom(t.server.url);
    const answers: [string, Promise<Response>][] = [
      ['home page', fetch(`${t.server.url}/`)],
      ['room page', fetch(`${t.server.url}/r/${roomId}`)],
      ['unknown page (404)', fetch(`${t.server.url}/nowhere`, { headers: { accept: 'text/html' } })],
      ['script', fetch(`${t.server.url}/assets/index-abc.js`)],
      ['health', fetch(`${t.server.url}/healthz`)],
      ['API', fetch(`${t.server.url}/api/questions`)],
      ['API 404', fetch(`${t.server.url}/api/nope`)],
      [
        'API 400',
        fetch(`${t.server.url}/api/rooms`, {
          method: 'POST',
          body: '{',
          headers: { 'content-type': 'application/json' },
        }),
      ],
      [
        'API 201',
        fetch(`${t.server.url}/api/rooms`, {
          method: 'POST',
          body: '{"roundType":"coding"}',
          headers: { 'content-type': 'application/json' },
        }),
      ],
    ];
    for (const [what, answer] of answers) {
      const res = await answer;
      expectCommonHeaders(res, what);
      expect(res.headers.get('x-frame-options'), what).toBe('DENY');
      const csp = policy(res);
      expect(csp.get('default-src'), what).toEqual(["'self'"]);
      expect(csp.get('script-src'), what).toEqual(["'self'"]);
      expect(csp.get('object-src'), what).toEqual(["'none'"]);
      expect(csp.get('base-uri'), what).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
      expect(csp.get('frame-src'), what).toEqual(["'self'"]);
      expect(csp.get('connect-src'), what).toEqual(["'self'", t.server.wsUrl]);
      expect(csp.get('img-src'), what).toEqual(["'self'", 'data:', 'blob:']);
      // Recordings play from object URLs of bytes fetched with a bearer (P-AUDIO-4).
      expect(csp.get('media-src'), what).toEqual(["'self'", 'blob:']);
      // No inline script and no eval anywhere in the app's own policy.
      expect(res.headers.get('content-security-policy'), what).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
    }
  });

  it('the sandbox page has its own policy: an opaque origin that may load our scripts and Python and reach nothing else', async () => {
    const res = await fetch(`${t.server.url}/sandbox.html`);
    expect(res.status).toBe(200);
    expectCommonHeaders(res, 'sandbox');
    const csp = policy(res);
    expect(csp.get('sandbox')).toEqual(['allow-scripts']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual([`${t.server.url}/pyodide/`]);
    expect(csp.get('script-src')).toEqual([
      `${t.server.url}/assets/`,
      `${t.server.url}/pyodide/`,
      "'unsafe-eval'",
      "'wasm-unsafe-eval'",
    ]);
    expect(csp.get('worker-src')).toEqual(['blob:']);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('the files the sandbox loads are readable cross-origin; nothing else is', async () => {
    for (const file of ['/assets/sandbox-abc.js', '/pyodide/pyodide.mjs']) {
      const res = await fetch(`${t.server.url}${file}`, { headers: { origin: 'null' } });
      expectCommonHeaders(res, file);
      expect(res.headers.get('access-control-allow-origin'), file).toBe('*');
      expect(res.headers.get('cross-origin-resource-policy'), file).toBe('cross-origin');
    }
    for (const url of ['/', '/api/questions', '/sandbox.html']) {
      const res = await fetch(`${t.server.url}${url}`, { headers: { origin: 'null' } });
      expect(res.headers.get('access-control-allow-origin'), url).toBeNull();
      expect(res.headers.get('cross-origin-resource-policy'), url).toBe('same-origin');
    }
  });

  it("Excalidraw's font-subsetting worker alone may compile WebAssembly", async () => {
    const res = await fetch(`${t.server.url}/assets/subset-worker.chunk-abc.js`);
    expectCommonHeaders(res, 'font worker');
    const csp = policy(res);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]);
  });

  it('a forged Host header cannot write itself into the sandbox policy', async () => {
    const { port } = new URL(t.server.url);
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/sandbox.html', headers: { host: 'evil.example; script-src *' } },
        (res) => {
          res.resume();
          resolve(res);
        },
      );
      req.on('error', reject);
    });
    // It is not a host name this server answers to (P-HTTP-3): refused before any page is built.
    expect(res.statusCode).toBe(421);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).not.toContain('evil');
    expect(csp).toBe("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('security headers behind a proxy (PUBLIC_URL)', () => {
  const t = withTestServer({ clientDir, publicUrl: 'https://mock.example.org/' });

  it('name the public origin, with wss: for the app', async () => {
    const sandbox = policy(await fetch(`${t.server.url}/sandbox.html`));
    expect(sandbox.get('connect-src')).toEqual(['https://mock.example.org/pyodide/']);
    const app = policy(await fetch(`${t.server.url}/`));
    expect(app.get('connect-src')).toEqual(["'self'", 'wss://mock.example.org']);
  });
});
