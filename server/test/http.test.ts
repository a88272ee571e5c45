import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRoom } from './support/clients.js';
import { startTestServer, type TestServer } from './support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const post = (body: string, contentType = 'application/json') =>
  fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('HTTP API', () => {
  it('GET /healthz answers ok', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    // The node's id too: which of several nodes answered (see P-NODE-2).
    expect(await res.json()).toEqual({ ok: true, node: expect.stringMatching(/\S/) });
  });

  it('POST /api/rooms returns a 128-bit room id and an invite URL for it', async () => {
    const room = await createRoom(server.url, { roundType: 'system-design' });
    expect(Buffer.from(room.roomId, 'base64url')).toHaveLength(16);
    expect(room.inviteUrl).toBe(`${server.url}/r/${room.roomId}`);
    const summary = await (await fetch(`${server.url}/api/rooms/${room.roomId}`)).json();
    expect(summary).toEqual({ roomId: room.roomId, roundType: 'system-design', openSeats: ['candidate'] });
  });

  it('rejects bad bodies with a clear 400 and creates nothing', async () => {
    for (const body of [
      '{',
      '[]',
      '{"roundType":"chess"}',
      '{"roundType":"coding","creatorRole":"observer"}',
    ]) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('BAD_REQUEST');
      expect(json.error.message.length).toBeGreaterThan(3);
    }
  });

  it('rejects oversized bodies', async () => {
    const res = await post(JSON.stringify({ roundType: 'coding', pad: 'x'.repeat(64 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('unknown and malformed room ids are the same 404', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'not-a-room', '%2e%2e']) {
      const res = await fetch(`${server.url}/api/rooms/${id}`);
      expect(res.status, id).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('refuses upgrades on unknown paths', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/nope`);
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
      ws.once('error', () => resolve(-1));
    });
    expect(status).toBe(404);
  });
});
