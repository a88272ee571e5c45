import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectControl, createRoom, join, joinOk } from './support/clients.js';
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

  it('P-ROOM-1: an unknown room, a malformed id and a room one has no seat in cannot be told apart', async () => {
    const room = await createRoom(server.url);
    const other = await createRoom(server.url);
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
    // (A path segment, as a client sends it: "%2e%2e" would be resolved away before the route.)
    const malformed = [
      'not-a-room',
      `${room.roomId}x`,
      room.roomId.slice(1),
      `${room.roomId.slice(0, 21)}=`,
      `${room.roomId.slice(0, 21)}%C3%A9`,
    ];
    const body = async (res: Response) => ({ status: res.status, body: await res.json() });

    // The public summary: the same 404 for an unknown and every malformed id.
    const summaries = await Promise.all(
      [unknown, ...malformed].map(async (id) => body(await fetch(`${server.url}/api/rooms/${id}`))),
    );
    expect(summaries[0]).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: expect.any(String) } },
    });
    for (const answer of summaries) expect(answer).toEqual(summaries[0]);

    // What needs a seat: a room that exists but whose seat the secret is not (a made-up secret,
    // another room's real one) answers exactly as an unknown or malformed room does.
    const asking = [
      [room.roomId, `${'x'.repeat(43)}`],
      [room.roomId, other.secret],
      [unknown, other.secret],
      ...malformed.map((id) => [id, other.secret]),
    ];
    for (const path of ['report', 'brief', 'report-key', 'replay/1']) {
      const answers = await Promise.all(
        asking.map(async ([id, secret]) =>
          body(
            await fetch(`${server.url}/api/rooms/${id}/${path}`, {
              headers: { authorization: `Bearer ${secret}` },
            }),
          ),
        ),
      );
      expect(answers[0]?.status, path).toBe(401);
      for (const answer of answers) expect(answer, path).toEqual(answers[0]);
      // The seat's own secret does get in: the refusals above were about the seat, not the route.
      const own = await fetch(`${server.url}/api/rooms/${room.roomId}/${path}`, {
        headers: { authorization: `Bearer ${room.secret}` },
      });
      expect(own.status, path).not.toBe(401);
    }

    // A document: another room's valid token opens neither this room's document nor one of an
    // unknown or malformed room; all are the same 401.
    const socket = connectControl(server.url);
    try {
      const otherAccess = (await joinOk(socket, { roomId: other.roomId, secret: other.secret })).documents
        .code;
      const upgrades = await Promise.all(
        [room.roomId, unknown, ...malformed].map((id) =>
          upgradeStatus(`/yjs/${id}.code-1?token=${encodeURIComponent(otherAccess.token)}`),
        ),
      );
      expect(upgrades).toEqual(upgrades.map(() => 401));
      expect(
        await upgradeStatus(`/yjs/${otherAccess.name}?token=${encodeURIComponent(otherAccess.token)}`),
      ).toBe(101);

      // Control: an unknown room is NOT_FOUND; a malformed id fails the schema (BAD_REQUEST: the
      // format is public, so this says nothing about which rooms exist).
      expect(await join(socket, { roomId: unknown, name: 'Pat' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      for (const id of malformed) {
        expect(await join(socket, { roomId: id, name: 'Pat' }), id).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST' },
        });
      }
    } finally {
      socket.disconnect();
    }
  });

  it('refuses upgrades on unknown paths', async () => {
    expect(await upgradeStatus('/nope')).toBe(404);
  });
});

/** The HTTP status a WebSocket upgrade to `path` gets (101 when it opens). */
function upgradeStatus(path: string): Promise<number> {
  return new Promise<number>((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}${path}`);
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('error', () => resolve(-1));
  });
}
