import { ClientEvent, RECORDING_API, type ReviewSummary } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { CANARY_BANK_DIR } from './fixtures/canary-bank/canaries.js';
import { type ControlSocket, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer({ questionsDir: CANARY_BANK_DIR, simMinuteMs: 100 });

const act = (socket: ControlSocket, event: string, payload: unknown) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean }>)(event, payload);

async function call(
  path: string,
  bearer: string,
  init: { method?: string; body?: unknown; type?: string } = {},
) {
  return fetch(`${t.server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(init.body !== undefined ? { 'content-type': init.type ?? 'application/json' } : {}),
    },
    body:
      init.body === undefined
        ? undefined
        : Buffer.isBuffer(init.body)
          ? init.body
          : JSON.stringify(init.body),
  });
}

describe('recordings in a solo round and its review (P-AUDIO-4)', () => {
  it('P-AUDIO-4: the solo candidate records; a review key of the round hears it until it is revoked', async () => {
    const created = await fetch(`${t.server.url}/api/simulations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trackId: 'canary', questionId: 'canary-echo-length', name: 'Cal' }),
    });
    const { roomId, secret } = (await created.json()) as { roomId: string; secret: string };
    const socket = t.control();
    await joinOk(socket, { roomId, secret });
    await eventually(async () => {
      expect((await t.server.app.store.getRound(roomId, 1))?.revealedAt).not.toBeNull();
    });
    const started = await call(RECORDING_API.start(roomId), secret, {
      method: 'POST',
      body: { mimeType: 'audio/webm' },
    });
    expect(started.status).toBe(201);
    const { recordingId } = (await started.json()) as { recordingId: string };
    const voice = Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3]),
      Buffer.from('the candidate thinking out loud'),
    ]);
    const piece = await call(RECORDING_API.piece(roomId, recordingId, 0), secret, {
      method: 'PUT',
      body: voice,
      type: 'audio/webm;codecs=opus',
    });
    expect(piece.status).toBe(201);

    expect((await act(socket, ClientEvent.EndRound, {})).ok).toBe(true);
    const assessed = await act(socket, ClientEvent.SubmitSelfAssessment, {
      round: 1,
      ratings: ['correctness', 'clarity', 'testing'].map((criterionId) => ({ criterionId, score: 3 })),
      interviewerClarity: 3,
      interviewerHelpfulness: 3,
      comment: '',
    });
    expect(assessed.ok).toBe(true);
    const review = (await (
      await call(`/api/rooms/${roomId}/reviews`, secret, { method: 'POST', body: { round: 1 } })
    ).json()) as ReviewSummary;
    const key = review.key as string;

    const list = await call(RECORDING_API.round(roomId, 1), key);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { recordings: unknown[] }).recordings).toHaveLength(1);
    const audio = await call(RECORDING_API.audio(roomId, 1, recordingId), key);
    expect(Buffer.from(await audio.arrayBuffer())).toEqual(voice);
    // A review key is for listening: it never records.
    expect(
      (await call(RECORDING_API.start(roomId), key, { method: 'POST', body: { mimeType: 'audio/webm' } }))
        .status,
    ).toBe(401);

    expect(
      (await call(`/api/rooms/${roomId}/reviews/${review.id}`, secret, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await call(RECORDING_API.round(roomId, 1), key)).status).toBe(401);
    expect((await call(RECORDING_API.audio(roomId, 1, recordingId), key)).status).toBe(401);
  });
});
