import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ClientEvent,
  type DocumentGrants,
  type InterviewerBrief,
  type JoinResult,
  type RoomReport,
  type RoomState,
  ServerEvent,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { type ControlSocket, connectControl, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { startServerProcess } from './support/serverProcess.js';
import { withTestServer } from './support/withTestServer.js';

// The real bank: its Netflix track declares the loop plan these tests follow.
const t = withTestServer();

type Ack = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const act = (socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack>)(event, payload);

function latest<T>(socket: ControlSocket, event: string): { value: T | undefined } {
  const box: { value: T | undefined } = { value: undefined };
  socket.on(event as never, ((v: T) => (box.value = v)) as never);
  return box;
}

/** Ivy creates a room that follows a track's loop (Netflix's unless told); Cal joins it as the candidate. */
async function loopRoom(url: string, connect: () => ControlSocket, loopTrackId = 'netflix-mle') {
  const room = await createRoom(url, { roundType: 'coding', loopTrackId, name: 'Ivy' });
  const ivySocket = connect();
  const ivyState = latest<RoomState>(ivySocket, ServerEvent.RoomState);
  const ivyBrief = latest<InterviewerBrief>(ivySocket, ServerEvent.InterviewerBrief);
  const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const calSocket = connect();
  const calState = latest<RoomState>(calSocket, ServerEvent.RoomState);
  const calBrief = latest<InterviewerBrief>(calSocket, ServerEvent.InterviewerBrief);
  const cal = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal' });
  return { room, ivySocket, ivy, ivyState, ivyBrief, calSocket, cal, calState, calBrief };
}

type Seat = { socket: ControlSocket; brief: { value: InterviewerBrief | undefined } };

/** The round's interviewer reveals its question, ends it and scores every criterion. */
async function playRound(interviewer: Seat, number: number) {
  await eventually(() => expect(interviewer.brief.value?.round).toBe(number));
  await eventually(() => expect(interviewer.brief.value?.selected).not.toBeNull());
  const brief = interviewer.brief.value as InterviewerBrief;
  expect((await act(interviewer.socket, ClientEvent.RevealQuestion)).ok).toBe(true);
  expect((await act(interviewer.socket, ClientEvent.Timer, { action: 'start' })).ok).toBe(true);
  expect((await act(interviewer.socket, ClientEvent.EndRound)).ok).toBe(true);
  const scorecard = {
    round: number,
    ratings: (brief.selected?.rubric ?? []).map((c) => ({ criterionId: c.id, score: 3, comment: '' })),
    recommendation: 'yes',
    wentWell: `round ${number} went well`,
    toImprove: '',
  };
  expect(await act(interviewer.socket, ClientEvent.SubmitScorecard, scorecard)).toMatchObject({ ok: true });
  return brief.selected?.question.id as string;
}

const documentsOf = async (socket: ControlSocket) =>
  ((await act(socket, ClientEvent.RefreshDocuments, {})).data as DocumentGrants).documents;

describe('a loop in one room', () => {
  it('P-LOOP-1, P-LOOP-2, P-LOOP-3, P-LOOP-5: four rounds of four types, same seats then a swap, each with its own question, documents, timer and feedback', async () => {
    const r = await loopRoom(t.server.url, t.control);
    const ivy: Seat = { socket: r.ivySocket, brief: r.ivyBrief };
    const cal: Seat = { socket: r.calSocket, brief: r.calBrief };

    // Round 1 is the plan's first stage: a recruiter screen of 30 minutes, a behavioural question
    // already picked for the interviewer alone, and the company's values in the brief.
    const first = r.ivy.room;
    expect(first.roundType).toBe('recruiter-screen');
    expect(first.loop).toMatchObject({ trackId: 'netflix-mle', current: 0, next: 1 });
    expect(first.loop?.stages.map((s) => [s.roundType, s.label, s.minutes])).toEqual([
      ['recruiter-screen', 'Recruiter screen', 30],
      ['coding', 'Coding', 45],
      ['technical', 'ML domain', 45],
      ['system-design', 'System design', 45],
      ['technical', 'ML deep dive', 45],
    ]);
    expect(first.round.timer.durationMs).toBe(30 * 60_000);
    await eventually(() => expect(r.ivyBrief.value?.selected?.question.roundType).toBe('behavioral'));
    expect(r.ivyBrief.value?.screen?.values).toContain('Candid feedback');
    expect(r.ivyBrief.value?.screen?.unwrittenRules.map((u) => u.title)).toContain('Think out loud');
    // The drawn questions are in no room state (P-LOOP-1).
    expect(JSON.stringify(r.cal.room)).not.toContain('netflix-mle-');
    expect(r.calBrief.value).toBeUndefined();

    // Only the ended round's interviewer opens the next.
    expect(
      await act(r.calSocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const docs1 = await documentsOf(r.ivySocket);
    const q1 = await playRound(ivy, 1);

    // Round 2: coding, same seats. The plan's next stage: its minutes and its own question.
    expect((await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' })).ok).toBe(
      true,
    );
    await eventually(() => expect(r.calState.value?.round.number).toBe(2));
    expect(r.calState.value).toMatchObject({ roundType: 'coding', loop: { current: 1, next: 2 } });
    expect(r.calState.value?.round.timer).toMatchObject({ durationMs: 45 * 60_000, endsAt: null });
    expect(r.calState.value?.round.question).toBeNull();
    expect(r.calState.value?.rounds.map((x) => x.roundType)).toEqual(['recruiter-screen', 'coding']);
    const docs2 = await documentsOf(r.ivySocket);
    expect(docs2.code.name).not.toBe(docs1.code.name);
    expect(docs2.notes?.name).not.toBe(docs1.notes?.name);
    const q2 = await playRound(ivy, 2);
    expect(r.ivyBrief.value?.screen).toBeNull();

    // A question picked ahead must fit the round and needs the same seats.
    for (const [payload, code] of [
      [{ roundType: 'technical', seats: 'same', questionId: 'netflix-mle-top-k-trending' }, 'BAD_REQUEST'],
      [{ roundType: 'technical', seats: 'swapped', questionId: 'netflix-mle-position-bias' }, 'BAD_REQUEST'],
      [{ roundType: 'technical', seats: 'same', questionId: 'netflix-mle-no-such-question' }, 'NOT_FOUND'],
    ] as const) {
      expect(await act(r.ivySocket, ClientEvent.NextRound, payload), JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    expect(r.calState.value?.round.number).toBe(2);

    // Round 3: the ML domain stage, with a question Ivy picks instead of the drawn one.
    expect(
      (
        await act(r.ivySocket, ClientEvent.NextRound, {
          roundType: 'technical',
          seats: 'same',
          questionId: 'netflix-mle-position-bias',
        })
      ).ok,
    ).toBe(true);
    await eventually(() => expect(r.ivyBrief.value?.round).toBe(3));
    expect(r.ivyBrief.value?.selected?.question.id).toBe('netflix-mle-position-bias');
    expect(r.ivyState.value?.round.timer.durationMs).toBe(45 * 60_000);
    const q3 = await playRound(ivy, 3);

    // Round 4: system design with the seats swapped. Cal interviews; the brief moves to Cal.
    expect(
      (await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'system-design', seats: 'swapped' })).ok,
    ).toBe(true);
    await eventually(() => expect(r.calState.value?.round.number).toBe(4));
    expect(r.calState.value?.round).toMatchObject({
      interviewerId: r.cal.self.id,
      candidateId: r.ivy.self.id,
    });
    expect(r.calState.value?.loop).toMatchObject({ current: 3, next: 4 });
    const q4 = await playRound(cal, 4);
    expect(new Set([q1, q2, q3, q4]).size).toBe(4);

    // The report: every round with its type, stage, question and scorecard, and the loop.
    const report = (await (
      await fetch(`${t.server.url}/api/rooms/${r.room.roomId}/report`, {
        headers: { authorization: `Bearer ${r.room.secret}` },
      })
    ).json()) as RoomReport;
    expect(
      report.rounds.map((x) => [x.roundType, x.stageLabel, x.question?.id, x.scorecard?.wentWell]),
    ).toEqual([
      ['recruiter-screen', 'Recruiter screen', q1, 'round 1 went well'],
      ['coding', 'Coding', q2, 'round 2 went well'],
      ['technical', 'ML domain', q3, 'round 3 went well'],
      ['system-design', 'System design', q4, undefined], // Ivy was round 4's candidate
    ]);
    expect(report.rounds[3]?.scorecardWithheld).toBe(true);
    expect(report.loop).toMatchObject({ trackId: 'netflix-mle', current: 3, next: 4 });
  });

  it('P-LOOP-2: a round off the plan does not move the room along it; hostile round:next payloads change nothing', async () => {
    const r = await loopRoom(t.server.url, t.control);
    expect((await act(r.ivySocket, ClientEvent.EndRound)).ok).toBe(true);
    for (const payload of [
      null,
      [],
      'coding',
      {},
      { roundType: 'poker', seats: 'same' },
      { roundType: 'coding', seats: 'both' },
      { roundType: 'coding', seats: 'same', questionId: '../../etc/passwd' },
      { roundType: 'coding', seats: 'same', questionId: 'x'.repeat(5000) },
      { roundType: { $gt: '' }, seats: 'same' },
    ]) {
      const ack = await act(r.ivySocket, ClientEvent.NextRound, payload);
      expect(ack.ok, JSON.stringify(payload).slice(0, 80)).toBe(false);
    }
    expect(r.ivyState.value?.round.number ?? 1).toBe(1);
    // An extra behavioural round: off the plan (its next stage is coding), default minutes.
    expect(
      (await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'behavioral', seats: 'same' })).ok,
    ).toBe(true);
    await eventually(() => expect(r.calState.value?.round.number).toBe(2));
    expect(r.calState.value).toMatchObject({ roundType: 'behavioral', loop: { current: null, next: 1 } });
    expect(r.calState.value?.round.timer.durationMs).toBe(20 * 60_000);
    await eventually(() => expect(r.ivyBrief.value?.round).toBe(2));
    expect(r.ivyBrief.value?.selected).toBeNull();
    // A system design round now plays the plan's system design stage, ahead of its order.
    expect((await act(r.ivySocket, ClientEvent.EndRound)).ok).toBe(true);
    expect(
      (await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'system-design', seats: 'same' })).ok,
    ).toBe(true);
    await eventually(() => expect(r.calState.value?.round.number).toBe(3));
    expect(r.calState.value?.loop).toMatchObject({ current: 3, played: [0, 3], next: 1 });
    expect(r.calState.value?.round.timer.durationMs).toBe(45 * 60_000);
    await eventually(() => expect(r.ivyBrief.value?.selected?.question.roundType).toBe('system-design'));
  });

  it('P-LOOP-3: a room for one question opens with it picked; unknown tracks and questions are 404', async () => {
    const room = await createRoom(t.server.url, {
      roundType: 'coding',
      questionId: 'netflix-mle-homepage-personalization',
      name: 'Ivy',
    });
    const socket = t.control();
    const brief = latest<InterviewerBrief>(socket, ServerEvent.InterviewerBrief);
    const joined = await joinOk(socket, { roomId: room.roomId, secret: room.secret });
    expect(joined.room.roundType).toBe('system-design');
    expect(joined.room.loop).toBeNull();
    expect(joined.room.round.question).toBeNull();
    await eventually(() =>
      expect(brief.value?.selected?.question.id).toBe('netflix-mle-homepage-personalization'),
    );
    for (const body of [
      { roundType: 'coding', loopTrackId: 'no-such-track' },
      { roundType: 'coding', questionId: 'no-such-question' },
    ]) {
      const res = await fetch(`${t.server.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(404);
    }
  });
});

describe('a loop on the backend track', () => {
  it('P-LOOP-1, P-LOOP-2, P-LOOP-3, P-LOOP-5: the screen and the first coding round run, and the second coding stage draws another coding question', async () => {
    const r = await loopRoom(t.server.url, t.control, 'backend-swe');
    const ivy: Seat = { socket: r.ivySocket, brief: r.ivyBrief };

    // Round 1: the plan's recruiter screen, with a behavioural question and the company's values.
    const first = r.ivy.room;
    expect(first.roundType).toBe('recruiter-screen');
    expect(first.loop).toMatchObject({
      trackId: 'backend-swe',
      title: 'Quillmere Freight · Backend Software Engineer',
      current: 0,
      next: 1,
    });
    expect(first.loop?.stages.map((s) => [s.roundType, s.label, s.minutes])).toEqual([
      ['recruiter-screen', 'Recruiter screen', 30],
      ['coding', 'Coding: data structures', 45],
      ['coding', 'Coding: practical', 45],
      ['system-design', 'System design', 45],
      ['behavioral', 'Hiring manager', 30],
    ]);
    expect(first.round.timer.durationMs).toBe(30 * 60_000);
    await eventually(() => expect(r.ivyBrief.value?.selected?.question.roundType).toBe('behavioral'));
    expect(r.ivyBrief.value?.selected?.question.id).toMatch(/^backend-swe-/);
    expect(r.ivyBrief.value?.screen?.values).toContain('Own it end to end');
    expect(r.ivyBrief.value?.screen?.unwrittenRules.map((u) => u.title)).toContain('Test your own code');
    expect(JSON.stringify(r.cal.room)).not.toContain('backend-swe-');
    expect(r.calBrief.value).toBeUndefined();
    const q1 = await playRound(ivy, 1);

    // Round 2: the first coding stage, with its own coding question, minutes and code document.
    expect((await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' })).ok).toBe(
      true,
    );
    await eventually(() => expect(r.calState.value?.round.number).toBe(2));
    expect(r.calState.value).toMatchObject({
      roundType: 'coding',
      loop: { current: 1, played: [0, 1], next: 2 },
    });
    expect(r.calState.value?.round.timer.durationMs).toBe(45 * 60_000);
    expect(r.calState.value?.round.question).toBeNull();
    await eventually(() => expect(r.ivyBrief.value?.round).toBe(2));
    expect(r.ivyBrief.value?.selected?.question).toMatchObject({
      roundType: 'coding',
      trackId: 'backend-swe',
    });
    expect(r.ivyBrief.value?.screen).toBeNull();
    const q2 = await playRound(ivy, 2);

    // The second coding stage comes next and has a coding question of its own.
    expect((await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' })).ok).toBe(
      true,
    );
    await eventually(() => expect(r.ivyBrief.value?.round).toBe(3));
    expect(r.ivyState.value?.loop).toMatchObject({ current: 2, played: [0, 1, 2], next: 3 });
    const q3 = r.ivyBrief.value?.selected?.question;
    expect(q3).toMatchObject({ roundType: 'coding', trackId: 'backend-swe' });
    expect(new Set([q1, q2, q3?.id]).size).toBe(3);

    const report = (await (
      await fetch(`${t.server.url}/api/rooms/${r.room.roomId}/report`, {
        headers: { authorization: `Bearer ${r.room.secret}` },
      })
    ).json()) as RoomReport;
    expect(
      report.rounds.map((x) => [x.roundType, x.stageLabel, x.question?.id, x.scorecard?.wentWell]),
    ).toEqual([
      ['recruiter-screen', 'Recruiter screen', q1, 'round 1 went well'],
      ['coding', 'Coding: data structures', q2, 'round 2 went well'],
      ['coding', 'Coding: practical', undefined, undefined], // drawn but not revealed: not in the report
    ]);
  });
});

describe('a loop across a restart', () => {
  it('P-LOOP-4: a SIGKILL in the middle of round 3 keeps the plan, the position and the round', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-loop-'));
    const server = await startServerProcess(dataDir);
    try {
      const r = await loopRoom(server.url, () => connectControl(server.url));
      const ivy: Seat = { socket: r.ivySocket, brief: r.ivyBrief };
      await playRound(ivy, 1);
      expect((await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' })).ok).toBe(
        true,
      );
      await playRound(ivy, 2);
      expect(
        (await act(r.ivySocket, ClientEvent.NextRound, { roundType: 'technical', seats: 'same' })).ok,
      ).toBe(true);
      await eventually(() => expect(r.ivyBrief.value?.round).toBe(3));
      const drawn = r.ivyBrief.value?.selected?.question.id;
      expect(drawn).toMatch(/^netflix-mle-/);
      expect((await act(r.ivySocket, ClientEvent.Timer, { action: 'start' })).ok).toBe(true);
      const before = await joinOk(r.ivySocket, { roomId: r.room.roomId, secret: r.room.secret });
      r.ivySocket.disconnect();
      r.calSocket.disconnect();

      await server.kill();
      await server.restart();

      const again = connectControl(server.url);
      const brief = latest<InterviewerBrief>(again, ServerEvent.InterviewerBrief);
      const after = await joinOk(again, { roomId: r.room.roomId, secret: r.room.secret });
      expect(after.room.loop).toEqual(before.room.loop);
      expect(after.room.loop).toMatchObject({ current: 2, next: 3 });
      expect(after.room.roundType).toBe('technical');
      expect(after.room.round.timer).toEqual(before.room.round.timer);
      await eventually(() => expect(brief.value?.selected?.question.id).toBe(drawn));
      // And the room carries on along the plan: the next stage is system design.
      expect((await act(again, ClientEvent.EndRound)).ok).toBe(true);
      expect(
        (await act(again, ClientEvent.NextRound, { roundType: 'system-design', seats: 'same' })).ok,
      ).toBe(true);
      await eventually(() => expect(brief.value?.round).toBe(4));
      expect(brief.value?.selected?.question.roundType).toBe('system-design');
      again.disconnect();
    } finally {
      await server.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
