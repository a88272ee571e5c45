import { ClientEvent, type ReviewSummary, type ReviewView, type RoomReport } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { CANARY_BANK_DIR } from './fixtures/canary-bank/canaries.js';
import { type ControlSocket, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer({ questionsDir: CANARY_BANK_DIR, simMinuteMs: 100 });

const act = (socket: ControlSocket, event: string, payload: unknown) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(
    event,
    payload,
  );

const CRITERIA = ['correctness', 'clarity', 'testing'];

async function call(path: string, bearer: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${t.server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** A solo round run to its end and self-assessed: what a review is of. */
async function assessedSoloRound() {
  const created = await fetch(`${t.server.url}/api/simulations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ trackId: 'canary', questionId: 'canary-echo-length', name: 'Cal' }),
  });
  const { roomId, secret } = (await created.json()) as { roomId: string; secret: string };
  const socket = t.control();
  await joinOk(socket, { roomId, secret });
  // The round must be revealed and ended: the candidate ends it once the question is shown.
  await eventually(async () => {
    expect((await t.server.app.store.getRound(roomId, 1))?.revealedAt).not.toBeNull();
  });
  expect((await act(socket, ClientEvent.EndRound, {})).ok).toBe(true);
  return { roomId, secret, socket };
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe("a friend's review (P-REVIEW-1..4)", () => {
  it('P-REVIEW-2: the key shows the board images of the replay, until it is revoked', async () => {
    const created = await fetch(`${t.server.url}/api/simulations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trackId: 'canary', questionId: 'canary-echo-length', name: 'Cal' }),
    });
    const { roomId, secret } = (await created.json()) as { roomId: string; secret: string };
    const socket = t.control();
    await joinOk(socket, { roomId, secret });
    // An image the candidate put on the board during the round.
    const uploaded = await fetch(`${t.server.url}/api/rooms/${roomId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(uploaded.status).toBe(201);
    const { fileId } = (await uploaded.json()) as { fileId: string };
    await eventually(async () => {
      expect((await t.server.app.store.getRound(roomId, 1))?.revealedAt).not.toBeNull();
    });
    expect((await act(socket, ClientEvent.EndRound, {})).ok).toBe(true);
    await act(socket, ClientEvent.SubmitSelfAssessment, {
      round: 1,
      ratings: CRITERIA.map((criterionId) => ({ criterionId, score: 2 })),
      interviewerClarity: 3,
      interviewerHelpfulness: 3,
      comment: '',
    });
    const review = (
      await call(`/api/rooms/${roomId}/reviews`, secret, { method: 'POST', body: { round: 1 } })
    ).body as ReviewSummary;
    const image = (bearer: string) =>
      fetch(`${t.server.url}/api/rooms/${roomId}/files/${fileId}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
    const seen = await image(review.key as string);
    expect(seen.status).toBe(200);
    expect(Buffer.from(await seen.arrayBuffer())).toEqual(PNG);
    // It opens images, never uploads them.
    const upload = await fetch(`${t.server.url}/api/rooms/${roomId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${review.key}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(upload.status).toBe(401);
    await call(`/api/rooms/${roomId}/reviews/${review.id}`, secret, { method: 'DELETE' });
    expect((await image(review.key as string)).status).toBe(401);
  });

  it('P-REVIEW-1: only after the self-assessment, by the candidate; listed with its key; revocable', async () => {
    const { roomId, secret, socket } = await assessedSoloRound();
    expect(
      (await call(`/api/rooms/${roomId}/reviews`, secret, { method: 'POST', body: { round: 1 } })).status,
    ).toBe(400);
    const ratings = CRITERIA.map((criterionId) => ({ criterionId, score: 3 }));
    const assessed = await act(socket, ClientEvent.SubmitSelfAssessment, {
      round: 1,
      ratings,
      interviewerClarity: 3,
      interviewerHelpfulness: 3,
      comment: '',
    });
    expect(assessed.ok).toBe(true);
    expect(
      (await call(`/api/rooms/${roomId}/reviews`, secret, { method: 'POST', body: { round: 'x' } })).status,
    ).toBe(400);
    expect(
      (await call(`/api/rooms/${roomId}/reviews`, 'x'.repeat(43), { method: 'POST', body: { round: 1 } }))
        .status,
    ).toBe(401);
    const made = await call(`/api/rooms/${roomId}/reviews`, secret, { method: 'POST', body: { round: 1 } });
    expect(made.status).toBe(201);
    const review = made.body as ReviewSummary;
    expect(review.key).toMatch(/^rv\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    const listed = (await call(`/api/rooms/${roomId}/reviews`, secret)).body as ReviewSummary[];
    expect(listed.map((r) => r.id)).toEqual([review.id]);

    const key = review.key as string;
    expect((await call(`/api/rooms/${roomId}/review`, key)).status).toBe(200);
    // Revoked: the key opens nothing from then on.
    expect(
      (await call(`/api/rooms/${roomId}/reviews/${review.id}`, secret, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await call(`/api/rooms/${roomId}/review`, key)).status).toBe(401);
    expect((await call(`/api/rooms/${roomId}/replay/1`, key)).status).toBe(401);
    const after = (await call(`/api/rooms/${roomId}/reviews`, secret)).body as ReviewSummary[];
    expect(after[0]).toMatchObject({ id: review.id, key: null });
    expect(after[0]?.revokedAt).not.toBeNull();
  });

  it('P-REVIEW-2 P-REVIEW-3 P-REVIEW-4: the key opens the replay of its round, comments at two moments, a scorecard once', async () => {
    const { roomId, secret, socket } = await assessedSoloRound();
    const ratings = CRITERIA.map((criterionId) => ({ criterionId, score: 2 }));
    await act(socket, ClientEvent.SubmitSelfAssessment, {
      round: 1,
      ratings,
      interviewerClarity: 3,
      interviewerHelpfulness: 3,
      comment: '',
    });
    const review = (
      await call(`/api/rooms/${roomId}/reviews`, secret, { method: 'POST', body: { round: 1 } })
    ).body as ReviewSummary;
    const key = review.key as string;

    const view = (await call(`/api/rooms/${roomId}/review`, key)).body as ReviewView;
    expect(view).toMatchObject({ round: 1, candidateName: 'Cal', questionTitle: 'Length of a string' });
    expect(view.criteria.map((c) => c.id)).toEqual(CRITERIA);
    // The replay of its round, as the candidate sees it; nothing else.
    const replay = await call(`/api/rooms/${roomId}/replay/1`, key);
    expect(replay.status).toBe(200);
    expect((await call(`/api/rooms/${roomId}/replay/1/code`, key)).status).toBe(200);
    expect((await call(`/api/rooms/${roomId}/replay/1/notes`, key)).status).toBe(403);
    expect((await call(`/api/rooms/${roomId}/replay/2`, key)).status).toBe(401);
    expect((await call(`/api/rooms/${roomId}/report`, key)).status).toBe(401);
    expect((await call(`/api/rooms/${roomId}/brief`, key)).status).toBe(401);
    expect((await call(`/api/rooms/${roomId}/simulation/brief`, key)).status).toBe(401);
    const forged = `${key.slice(0, -4)}AAAA`;
    expect((await call(`/api/rooms/${roomId}/review`, forged)).status).toBe(401);

    // Comments at two moments; bad input stores nothing.
    const comment = (body: unknown) =>
      call(`/api/rooms/${roomId}/review/comments`, key, { method: 'POST', body });
    const first = await comment({ atMs: 1500, text: 'Good clarifying question', by: 'Fay' });
    expect(first.status).toBe(201);
    expect((first.body as ReviewView).comments.map((c) => c.text)).toEqual(['Good clarifying question']);
    expect((await comment({ atMs: 9000, text: 'Test the empty string', by: 'Fay' })).status).toBe(201);
    expect((await comment({ atMs: -1, text: 'x', by: 'Fay' })).status).toBe(400);
    expect((await comment({ atMs: 5, text: '', by: 'Fay' })).status).toBe(400);
    expect((await comment({ atMs: 5, text: 'x'.repeat(1001), by: 'Fay' })).status).toBe(400);
    expect((await comment({ atMs: 5, text: 'x', by: '' })).status).toBe(400);

    // The scorecard: every criterion once, final.
    const scorecard = (body: Record<string, unknown>) =>
      call(`/api/rooms/${roomId}/review/scorecard`, key, {
        method: 'POST',
        body: {
          round: 1,
          ratings: CRITERIA.map((criterionId) => ({ criterionId, score: 3 })),
          recommendation: 'yes',
          wentWell: 'Clear contract',
          toImprove: 'Edge cases',
          by: 'Fay',
          ...body,
        },
      });
    expect((await scorecard({ ratings: [{ criterionId: 'correctness', score: 3 }] })).status).toBe(400);
    expect((await scorecard({})).status).toBe(201);
    expect((await scorecard({})).status).toBe(409);

    // The candidate sees the comments and the scorecard beside their self-assessment.
    const mine = (await call(`/api/rooms/${roomId}/reviews`, secret)).body as ReviewSummary[];
    expect(mine[0]?.comments.map((c) => [c.atMs, c.text, c.by])).toEqual([
      [1500, 'Good clarifying question', 'Fay'],
      [9000, 'Test the empty string', 'Fay'],
    ]);
    expect(mine[0]?.scorecardSubmitted).toBe(true);
    const report = (await call(`/api/rooms/${roomId}/report`, secret)).body as RoomReport;
    expect(report.rounds[0]?.scorecard).toMatchObject({ wentWell: 'Clear contract', recommendation: 'yes' });
    expect(report.rounds[0]?.selfAssessment).not.toBeNull();
  });

  it('P-REVIEW-3: at most 100 comments a review', async () => {
    const { roomId, secret, socket } = await assessedSoloRound();
    await act(socket, ClientEvent.SubmitSelfAssessment, {
      round: 1,
      ratings: CRITERIA.map((criterionId) => ({ criterionId, score: 2 })),
      interviewerClarity: 3,
      interviewerHelpfulness: 3,
      comment: '',
    });
    const review = (
      await call(`/api/rooms/${roomId}/reviews`, secret, { method: 'POST', body: { round: 1 } })
    ).body as ReviewSummary;
    for (let i = 0; i < 100; i++) {
      const res = await call(`/api/rooms/${roomId}/review/comments`, review.key as string, {
        method: 'POST',
        body: { atMs: i, text: `c${i}`, by: 'Fay' },
      });
      expect(res.status).toBe(201);
    }
    const over = await call(`/api/rooms/${roomId}/review/comments`, review.key as string, {
      method: 'POST',
      body: { atMs: 1, text: 'one more', by: 'Fay' },
    });
    expect(over.status).toBe(429);
  });
});
