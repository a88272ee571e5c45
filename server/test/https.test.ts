import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { ServerEvent } from '@mockloop/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
// @ts-expect-error: a plain ES module of the deploy folder, without types
import { freePort } from '../../deploy/cluster.mjs';
// @ts-expect-error: a plain ES module of the deploy folder, without types
import { startTlsProxy } from '../../deploy/tlsProxy.mjs';
import { type ControlSocket, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { type ServerProcess, startServerProcess } from './support/serverProcess.js';
import { makeTestCertificate, type TestCertificate } from './support/testCertificate.js';

let cert: TestCertificate;
let proc: ServerProcess;
let proxy: { url: string; port: number; httpPort: number; stop(): Promise<void> };
let dataDir: string;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  cert = makeTestCertificate();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-https-'));
  const port = (await freePort()) as number;
  proc = await startServerProcess(dataDir, { PUBLIC_URL: `https://localhost:${port}` });
  proxy = await startTlsProxy({ nodePort: proc.port, pemFile: cert.pemFile, port });
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await proxy?.stop();
  await proc?.dispose();
  cert?.remove();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** An HTTPS request that trusts the test CA only. */
function request(
  url: string,
  options: { method?: string; body?: unknown; ca?: string | null } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: options.method ?? 'GET',
        ca: options.ca === null ? undefined : (options.ca ?? cert.ca),
        headers: options.body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(options.body ? JSON.stringify(options.body) : undefined);
  });
}

/** ws that trusts the test CA: what a browser with the CA installed does. */
class TrustingWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { ca: cert.ca });
  }
}

describe('HTTPS through a TLS-terminating proxy (deploy/haproxy-tls.cfg)', () => {
  it('serves HTTP over TLS with the certificate, redirects plain HTTP, and is refused without the CA', async () => {
    const health = await request(`${proxy.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBeDefined();
    await expect(request(`${proxy.url}/healthz`, { ca: null })).rejects.toThrow(/certificate/i);
    const plain = await fetch(`http://127.0.0.1:${proxy.httpPort}/r/x`, { redirect: 'manual' });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toMatch(/^https:\/\//);
  });

  it('Socket.IO and the document plane work over wss: two people join, type and see each other', async () => {
    const created = await request(`${proxy.url}/api/rooms`, {
      method: 'POST',
      body: { roundType: 'coding', name: 'Ivy' },
    });
    expect(created.status).toBe(201);
    const room = JSON.parse(created.body) as { roomId: string; secret: string; inviteUrl: string };
    expect(room.inviteUrl).toBe(`${proxy.url}/r/${room.roomId}`);

    const connect = () => {
      const socket = io(proxy.url, {
        transports: ['websocket'],
        forceNew: true,
        query: { room: room.roomId },
        ca: cert.ca,
      }) as ControlSocket;
      cleanups.push(() => socket.disconnect());
      return socket;
    };
    const ivySocket = connect();
    const states: string[][] = [];
    ivySocket.on(ServerEvent.RoomState, (s) => states.push(s.participants.map((p) => p.name)));
    const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
    const cal = await joinOk(connect(), { roomId: room.roomId, name: 'Cal' });
    await eventually(() => expect(states.at(-1)).toEqual(['Ivy', 'Cal']));

    const open = (access: typeof ivy.documents.code) => {
      const doc = new Y.Doc();
      doc.clientID = access.clientId;
      const provider = new WebsocketProvider(`${proxy.url.replace('https', 'wss')}/yjs`, access.name, doc, {
        params: { token: access.token },
        WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      cleanups.push(() => {
        provider.destroy();
        doc.destroy();
      });
      return doc.getText('code');
    };
    const a = open(ivy.documents.code);
    const b = open(cal.documents.code);
    a.insert(0, 'over TLS');
    await eventually(() => expect(b.toString()).toBe('over TLS'));
    b.insert(b.length, ' both ways');
    await eventually(() => expect(a.toString()).toBe('over TLS both ways'));
  });
});
