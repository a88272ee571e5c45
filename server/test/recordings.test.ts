import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClientEvent, RECORDING_API, type RecordingInfo } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/createApp.js';
import { type ControlSocket, connectControl, createRoom, joinOk } from './support/clients.js';
import { REPO_QUESTIONS } from './support/testServer.js';
import { withTestServer } from './support/withTestServer.js';

// Narrow bounds, so each one is reached in a few requests.
const LIMITS = { pieceBytes: 1024, personRoundBytes: 4096, takesPerRound: 3, piecesPerMinute: 12 };
const t = withTestServer({ recordingLimits: LIMITS });

interface Answer {
  status: number;
  body: { error?: { code: string; message: string }; next?: number } & Record<string, unknown>;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

function start(roomId: string, bearer: string, mimeType: unknown = 'audio/webm', url = t.server.url) {
  return fetch(`${url}${RECORDING_API.start(roomId)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mimeType }),
  }).then(answer);
}

function put(
  roomId: string,
  bearer: string,
  id: string,
  n: number,
  body: Buffer,
  type = 'audio/webm;codecs=opus',
  url = t.server.url,
) {
  return fetch(`${url}${RECORDING_API.piece(roomId, id, n)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': type },
    body,
  }).then(answer);
}

async function listed(roomId: string, bearer: string, round = 1): Promise<RecordingInfo[]> {
  const res = await answer(
    await fetch(`${t.server.url}${RECORDING_API.round(roomId, round)}`, {
      headers: { authorization: `Bearer ${bearer}` },
    }),
  );
  expect(res.status).toBe(200);
  return res.body.recordings as RecordingInfo[];
}

/** A room with its interviewer, candidate and an observer, each joined. */
async function seatThree() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivySocket = t.control();
  const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const cal = await joinOk(t.control(), { roomId: room.roomId, name: 'Cal' });
  const obi = await joinOk(t.control(), { roomId: room.roomId, name: 'Obi' });
  return { roomId: room.roomId, ivy, cal, obi, ivySocket };
}

const bytes = (n: number, fill = 7) => Buffer.alloc(n, fill);
/** A first piece: it begins as its type's stream does (WebM's EBML header, Ogg's "OggS"). */
const firstPiece = (n: number, fill = 7, type: 'webm' | 'ogg' = 'webm') => {
  const piece = bytes(n, fill);
  Buffer.from(type === 'webm' ? [0x1a, 0x45, 0xdf, 0xa3] : [0x4f, 0x67, 0x67, 0x53]).copy(piece);
  return piece;
};
const idOf = (a: Answer) => String(a.body.recordingId);

async function endRound(socket: ControlSocket) {
  const ack = await (socket.emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean }>)(
    ClientEvent.EndRound,
    {},
  );
  expect(ack.ok).toBe(true);
}

describe('think out loud, recorded (P-AUDIO)', () => {
  it('P-AUDIO-1: each player records themself, in pieces, for the current round; the pieces play back in order', async () => {
    const { roomId, ivy, cal } = await seatThree();
    const before = Date.now();
    const started = await start(roomId, cal.secret);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ round: 1 });
    expect(Number(started.body.startedAt)).toBeGreaterThanOrEqual(before);
    const id = idOf(started);
    const pieces = [firstPiece(700, 1), bytes(500, 2), bytes(300, 3)];
    for (const [n, piece] of pieces.entries()) {
      const stored = await put(roomId, cal.secret, id, n, piece);
      expect(stored).toMatchObject({ status: 201, body: { next: n + 1 } });
    }
    // Someone else's recording is not theirs to add to (each records only themself).
    expect((await put(roomId, ivy.secret, id, 3, bytes(10))).status).toBe(404);
    const ivyTake = await start(roomId, ivy.secret, 'audio/ogg');
    expect(
      (await put(roomId, ivy.secret, idOf(ivyTake), 0, firstPiece(100, 7, 'ogg'), 'audio/ogg')).status,
    ).toBe(201);

    const recordings = await listed(roomId, ivy.secret);
    expect(recordings).toEqual([
      expect.objectContaining({
        id,
        participantId: cal.self.id,
        pieces: 3,
        bytes: 1500,
        mimeType: 'audio/webm',
      }),
      expect.objectContaining({ participantId: ivy.self.id, pieces: 1, bytes: 100, mimeType: 'audio/ogg' }),
    ]);
    expect(recordings[0]?.startedAt).toBe(started.body.startedAt);
    const audio = await fetch(`${t.server.url}${RECORDING_API.audio(roomId, 1, id)}`, {
      headers: { authorization: `Bearer ${ivy.secret}` },
    });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/webm');
    expect(Buffer.from(await audio.arrayBuffer())).toEqual(Buffer.concat(pieces));
  });

  it('P-AUDIO-2: a piece out of order or twice is a 409 naming the next one and changes nothing', async () => {
    const { roomId, cal } = await seatThree();
    const id = idOf(await start(roomId, cal.secret));
    expect((await put(roomId, cal.secret, id, 0, firstPiece(100))).status).toBe(201);
    const twice = await put(roomId, cal.secret, id, 0, firstPiece(100, 9));
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' }, next: 1 } });
    expect(twice.body.error?.message).toMatch(/already stored; the next piece is 1/);
    const gap = await put(roomId, cal.secret, id, 2, bytes(100));
    expect(gap).toMatchObject({ status: 409, body: { next: 1 } });
    expect(gap.body.error?.message).toMatch(/out of order/);
    expect(await listed(roomId, cal.secret)).toEqual([expect.objectContaining({ pieces: 1, bytes: 100 })]);
    expect((await put(roomId, cal.secret, id, 1, bytes(100))).status).toBe(201);
  });

  it('P-AUDIO-2: wrong type (415), a piece too big (413), past the round cap (413), too fast or too many (429)', async () => {
    const { roomId, cal, ivy } = await seatThree();
    expect((await start(roomId, cal.secret, 'video/webm')).status).toBe(400);
    const id = idOf(await start(roomId, cal.secret));
    expect((await put(roomId, cal.secret, id, 0, bytes(10), 'text/plain')).status).toBe(415);
    // The recording's own type only: an ogg piece in a webm recording is refused too.
    expect((await put(roomId, cal.secret, id, 0, bytes(10), 'audio/ogg')).status).toBe(415);
    const big = await put(roomId, cal.secret, id, 0, bytes(LIMITS.pieceBytes + 1));
    expect(big.status).toBe(413);
    expect(big.body.error?.message).toMatch(/at most 1 KiB/);
    expect((await put(roomId, cal.secret, id, 0, Buffer.alloc(0))).status).toBe(400);
    // The first piece must begin an audio stream of its type (later ones are its middle).
    const html = await put(roomId, cal.secret, id, 0, Buffer.from('<html><script>alert(1)</script>'));
    expect(html.status).toBe(415);
    expect(html.body.error?.message).toMatch(/is not the start of an audio\/webm stream/);
    // 4 KiB a person a round: four full pieces, then no more (the other player has their own).
    for (let n = 0; n < 4; n++) {
      expect((await put(roomId, cal.secret, id, n, n === 0 ? firstPiece(1024) : bytes(1024))).status).toBe(
        201,
      );
    }
    const full = await put(roomId, cal.secret, id, 4, bytes(1));
    expect(full.status).toBe(413);
    expect(full.body.error?.message).toMatch(/this round's are full/);
    expect(await listed(roomId, cal.secret)).toEqual([expect.objectContaining({ pieces: 4, bytes: 4096 })]);
    // Ivy: three recordings a round at most, then 429; and 12 requests a minute.
    const takes = [
      await start(roomId, ivy.secret),
      await start(roomId, ivy.secret),
      await start(roomId, ivy.secret),
    ];
    expect(takes.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(await start(roomId, ivy.secret)).toMatchObject({
      status: 429,
      body: { error: { code: 'RATE_LIMITED' } },
    });
    const statuses: number[] = [];
    for (let n = 0; n < 9; n++)
      statuses.push(
        (await put(roomId, ivy.secret, idOf(takes[0] as Answer), n, n === 0 ? firstPiece(8) : bytes(8)))
          .status,
      );
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(201));
    expect(statuses[8]).toBe(429);
    expect(await listed(roomId, ivy.secret)).toContainEqual(
      expect.objectContaining({ id: idOf(takes[0] as Answer), pieces: 8 }),
    );
  });

  it('P-AUDIO-3: only seated players record, by secret; an ended round takes no new recording', async () => {
    const { roomId, ivy, obi, ivySocket } = await seatThree();
    const other = await createRoom(t.server.url, { roundType: 'coding', name: 'Oz' });
    expect((await start(roomId, obi.secret)).status).toBe(403);
    expect((await start(roomId, 'x'.repeat(43))).status).toBe(401);
    expect((await start(roomId, other.secret)).status).toBe(401);
    expect((await start('r'.repeat(22), ivy.secret)).status).toBe(401);
    const id = idOf(await start(roomId, ivy.secret));
    // A report key reads; it never records.
    const key = (
      await answer(
        await fetch(`${t.server.url}/api/rooms/${roomId}/report-key`, {
          headers: { authorization: `Bearer ${ivy.secret}` },
        }),
      )
    ).body.key as string;
    expect((await put(roomId, key, id, 0, bytes(10))).status).toBe(401);
    expect((await put(roomId, obi.secret, id, 0, bytes(10))).status).toBe(404);
    expect((await put(roomId, ivy.secret, 'n'.repeat(22), 0, bytes(10))).status).toBe(404);
    await endRound(ivySocket);
    expect(await start(roomId, ivy.secret)).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT' } },
    });
  });

  it('P-AUDIO-4: the recordings are heard by whoever may replay the round, and nobody else', async () => {
    const { roomId, ivy, cal, obi } = await seatThree();
    const id = idOf(await start(roomId, cal.secret));
    expect((await put(roomId, cal.secret, id, 0, firstPiece(64))).status).toBe(201);
    const key = (
      await answer(
        await fetch(`${t.server.url}/api/rooms/${roomId}/report-key`, {
          headers: { authorization: `Bearer ${cal.secret}` },
        }),
      )
    ).body.key as string;
    for (const bearer of [ivy.secret, cal.secret, obi.secret, key]) {
      expect(await listed(roomId, bearer)).toHaveLength(1);
      const audio = await fetch(`${t.server.url}${RECORDING_API.audio(roomId, 1, id)}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      expect(audio.status).toBe(200);
      expect((await audio.arrayBuffer()).byteLength).toBe(64);
    }
    const other = await createRoom(t.server.url, { roundType: 'coding', name: 'Oz' });
    for (const bearer of [other.secret, 'rk.nobody.abc', '']) {
      const list = await fetch(`${t.server.url}${RECORDING_API.round(roomId, 1)}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      expect(list.status).toBe(401);
      const audio = await fetch(`${t.server.url}${RECORDING_API.audio(roomId, 1, id)}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      expect(audio.status).toBe(401);
    }
    expect(
      (
        await fetch(`${t.server.url}${RECORDING_API.round(roomId, 2)}`, {
          headers: { authorization: `Bearer ${cal.secret}` },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await fetch(`${t.server.url}${RECORDING_API.audio(roomId, 2, id)}`, {
          headers: { authorization: `Bearer ${cal.secret}` },
        })
      ).status,
    ).toBe(404);
  });

  it('P-AUDIO-5: deleting the room deletes its recordings', async () => {
    const { roomId, cal } = await seatThree();
    const id = idOf(await start(roomId, cal.secret));
    expect((await put(roomId, cal.secret, id, 0, firstPiece(64))).status).toBe(201);
    const { store } = t.server.app;
    expect(await store.loadRecordingPiece(id, 0)).not.toBeNull();
    const del = await fetch(`${t.server.url}/api/rooms/${roomId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${cal.secret}` },
    });
    expect(del.status).toBe(204);
    expect(await store.getRecording(roomId, id)).toBeNull();
    expect(await store.loadRecordingPiece(id, 0)).toBeNull();
    expect(await store.filesTotalBytes()).toBe(0);
  });

  it('P-AUDIO-1: a server restart between pieces loses none: the recording goes on at the piece awaited', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-recording-'));
    const serve = async () => {
      const app = await createApp({ dataDir, questionsDir: REPO_QUESTIONS });
      return { app, url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}` };
    };
    try {
      const first = await serve();
      const room = await createRoom(first.url, { roundType: 'coding', name: 'Ivy' });
      const socket = connectControl(first.url);
      await joinOk(socket, { roomId: room.roomId, secret: room.secret });
      const id = idOf(await start(room.roomId, room.secret, 'audio/webm', first.url));
      for (const n of [0, 1]) {
        const stored = await put(
          room.roomId,
          room.secret,
          id,
          n,
          n === 0 ? firstPiece(200, 0) : bytes(200, n),
          undefined,
          first.url,
        );
        expect(stored.status).toBe(201);
      }
      socket.disconnect();
      await first.app.close();

      const second = await serve();
      try {
        // A piece whose answer was lost in the restart, sent again: the server names the next.
        const again = await put(room.roomId, room.secret, id, 1, bytes(200, 1), undefined, second.url);
        expect(again).toMatchObject({ status: 409, body: { next: 2 } });
        expect(
          await put(room.roomId, room.secret, id, 2, bytes(200, 2), undefined, second.url),
        ).toMatchObject({
          status: 201,
          body: { next: 3, bytes: 600 },
        });
        const audio = await fetch(`${second.url}${RECORDING_API.audio(room.roomId, 1, id)}`, {
          headers: { authorization: `Bearer ${room.secret}` },
        });
        expect(Buffer.from(await audio.arrayBuffer())).toEqual(
          Buffer.concat([firstPiece(200, 0), bytes(200, 1), bytes(200, 2)]),
        );
      } finally {
        await second.app.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
