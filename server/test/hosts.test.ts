import http from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRoom, joinOk } from './support/clients.js';
import { RawControl } from './support/rawControl.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();

/** A request with the Host header a browser would send for `host` (a rebinding page's own name). */
function request(
  url: string,
  path: string,
  host: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}${path}`,
      {
        method: init.method ?? 'GET',
        headers: { host, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The status a WebSocket upgrade to `path` gets with this Host (101 when it opens). */
function upgrade(server: TestServer, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}${path}`, { headers: { host } });
    ws.once('open', () => {
      ws.close();
      resolve({ status: 101, body: '' });
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', () => resolve({ status: 0, body: '' }));
  });
}

const REBOUND = 'rebind.attacker.example:3000';

describe('internal routes (P-HTTP-2)', () => {
  it('P-HTTP-2: /internal/rooms is not on the public listener, whoever asks; the internal listener answers on loopback', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    const ivy = t.control();
    const joined = await joinOk(ivy, { roomId: room.roomId, secret: room.secret });
    t.doc(joined.documents.code);
    // A direct loopback request without X-Forwarded-For (a proxy that adds none looks the same).
    for (const path of ['/internal/rooms', '/internal/rooms/']) {
      const res = await request(t.server.url, path, '127.0.0.1');
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain(room.roomId);
    }
    const internal = await fetch(`${t.server.internalUrl}/internal/rooms`);
    expect(internal.status).toBe(200);
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${t.server.internalUrl}/internal/rooms`)).json()) as { rooms: string[] })
            .rooms,
      )
      .toContain(room.roomId);
    // The internal listener is on 127.0.0.1 only, and not on the public port.
    expect(t.server.app.internalPort()).not.toBe(Number(new URL(t.server.url).port));
    // Only loopback names or addresses reach it: a rebinding page's name does not.
    const rebound = await request(t.server.internalUrl, '/internal/rooms', REBOUND);
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain(room.roomId);
  });
});

describe('host allow-list (P-HTTP-3)', () => {
  it('P-HTTP-3: without PUBLIC_URL or ALLOWED_HOSTS, a page under another host name gets 421 on HTTP, Socket.IO and /yjs, and takes no seat', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    const ivy = await joinOk(t.control(), { roomId: room.roomId, secret: room.secret });
    const created = await request(t.server.url, '/api/rooms', REBOUND, {
      method: 'POST',
      body: JSON.stringify({ roundType: 'coding', name: 'Mallory' }),
    });
    expect(created.status).toBe(421);
    expect(created.body).toMatch(/does not answer to the host name "rebind\.attacker\.example:3000"/);
    expect(created.body).toMatch(/ALLOWED_HOSTS/);
    for (const path of ['/api/questions', `/api/rooms/${room.roomId}`, '/', `/r/${room.roomId}`]) {
      expect((await request(t.server.url, path, REBOUND)).status, path).toBe(421);
    }
    // The WebSocket planes: the control socket that would take the free candidate seat, and a document.
    const control = await upgrade(t.server, '/socket.io/?EIO=4&transport=websocket', REBOUND);
    expect(control.status).toBe(421);
    expect(control.body).toMatch(/ALLOWED_HOSTS/);
    await expect(RawControl.open(t.server.url, { host: REBOUND })).rejects.toThrow(/421/);
    const doc = ivy.documents.code;
    const yjs = await upgrade(t.server, `/yjs/${doc.name}?token=${encodeURIComponent(doc.token)}`, REBOUND);
    expect(yjs.status).toBe(421);
    expect((await t.server.app.store.listParticipants(room.roomId)).map((p) => p.role)).toEqual([
      'interviewer',
    ]);

    // Loopback names pass; so does a health check by address.
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:8080', 'mockloop.localhost', 'LOCALHOST.']) {
      expect((await request(t.server.url, '/api/questions', host)).status, host).toBe(200);
    }
    expect((await request(t.server.url, '/healthz', '10.1.2.3:3000')).status).toBe(200);
    expect((await upgrade(t.server, '/socket.io/?EIO=4&transport=websocket', 'localhost')).status).toBe(101);
  });

  it('P-HTTP-3: PUBLIC_URL and ALLOWED_HOSTS name the hosts the public listener answers to', async () => {
    const server = await startTestServer({
      publicUrl: 'https://interviews.example.org',
      allowedHosts: ['mockloop.internal.example', '*.preview.example'],
    });
    try {
      const status = async (host: string) => (await request(server.url, '/api/questions', host)).status;
      expect(await status('interviews.example.org')).toBe(200);
      expect(await status('Interviews.Example.Org:443')).toBe(200);
      expect(await status('mockloop.internal.example')).toBe(200);
      expect(await status('pr-12.preview.example')).toBe(200);
      expect(await status('localhost:3000')).toBe(200);
      expect(await status('example.org')).toBe(421);
      expect(await status('interviews.example.org.attacker.example')).toBe(421);
      expect(await status('preview.example.attacker.example')).toBe(421);
      expect(await status('10.0.0.7')).toBe(421);
      expect(
        (await upgrade(server, '/socket.io/?EIO=4&transport=websocket', 'interviews.example.org')).status,
      ).toBe(101);
      expect((await upgrade(server, '/socket.io/?EIO=4&transport=websocket', 'evil.example')).status).toBe(
        421,
      );
    } finally {
      await server.close();
    }
  });
});
