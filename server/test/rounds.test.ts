import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ClientEvent,
  type InterviewerBrief,
  type LobbyMatch,
  type LobbyStatus,
  type RoomReport,
  type RoomState,
  ServerEvent,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { CANARY_BANK_DIR } from './fixtures/canary-bank/canaries.js';
import { type ControlSocket, connectControl, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { startServerProcess } from './support/serverProcess.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer({ questionsDir: CANARY_BANK_DIR, lobbyArrivalMs: 400 });

type Ack = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const act = (socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack>)(event, payload);

function latest<T>(socket: ControlSocket, event: string): { value: T | undefined; all: T[] } {
  const box: { value: T | undefined; all: T[] } = { value: undefined, all: [] };
  socket.on(
    event as never,
    ((v: T) => {
      box.value = v;
      box.all.push(v);
    }) as never,
  );
  return box;
}

async function pair() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivySocket = t.control();
  const ivyState = latest<RoomState>(ivySocket, ServerEvent.RoomState);
  const ivyBrief = latest<InterviewerBrief>(ivySocket, ServerEvent.InterviewerBrief);
  const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const calSocket = t.control();
  const calBrief = latest<InterviewerBrief>(calSocket, ServerEvent.InterviewerBrief);
  const cal = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal' });
  return { room, ivySocket, ivy, ivyState, ivyBrief, calSocket, cal, calBrief };
}

const report = async (roomId: string, secret: string) =>
  (await (
    await fetch(`${t.server.url}/api/rooms/${roomId}/report`, {
      headers: { authorization: `Bearer ${secret}` },
    })
  ).json()) as RoomReport;

describe('timer (P-TIME-1)', () => {
  it('is run by the interviewer only and broadcast as an end time', async () => {
    const { ivySocket, calSocket, ivyState } = await pair();
    expect(await act(calSocket, ClientEvent.Timer, { action: 'start' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await act(ivySocket, ClientEvent.Timer, { action: 'launch' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const before = Date.now();
    expect((await act(ivySocket, ClientEvent.Timer, { action: 'start' })).ok).toBe(true);
    await eventually(() => expect(ivyState.value?.round.timer.endsAt).not.toBeNull());
    const endsAt = ivyState.value?.round.timer.endsAt ?? 0;
    expect(endsAt).toBeGreaterThanOrEqual(before + 45 * 60_000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 45 * 60_000);
    expect((await act(ivySocket, ClientEvent.Timer, { action: 'add', minutes: 5 })).ok).toBe(true);
    await eventually(() => expect(ivyState.value?.round.timer.endsAt).toBe(endsAt + 5 * 60_000));
  });
});

describe('role swap', () => {
  it('P-ROUND-1, P-ROUND-2: needs both players; then seats exchange, a new round opens and the console moves', async () => {
    const { room, ivySocket, ivy, ivyState, ivyBrief, calSocket, cal, calBrief } = await pair();
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-story' });
    expect(await act(calSocket, ClientEvent.RespondSwap, { accept: true })).toMatchObject({ ok: false });
    expect((await act(calSocket, ClientEvent.ProposeSwap)).ok).toBe(true);
    await eventually(() => expect(ivyState.value?.swapProposal?.by).toBe(cal.self.id));
    // The proposer cannot accept their own proposal; an observer cannot either.
    expect(await act(calSocket, ClientEvent.RespondSwap, { accept: true })).toMatchObject({ ok: false });
    const obs = t.control();
    await joinOk(obs, { roomId: room.roomId, name: 'Obi' });
    expect(await act(obs, ClientEvent.RespondSwap, { accept: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    expect((await act(ivySocket, ClientEvent.RespondSwap, { accept: true })).ok).toBe(true);
    await eventually(() => expect(ivyState.value?.round.number).toBe(2));
    const state = ivyState.value as RoomState;
    expect(state.swapProposal).toBeNull();
    expect(state.round).toMatchObject({
      interviewerId: cal.self.id,
      candidateId: ivy.self.id,
      question: null,
    });
    expect(state.rounds.map((r) => r.number)).toEqual([1, 2]);
    expect(state.participants.find((p) => p.id === cal.self.id)?.role).toBe('interviewer');
    // The brief now goes to Cal's socket, and Ivy's console commands are refused.
    await eventually(() => expect(calBrief.value?.round).toBe(2));
    const ivyBriefsBefore = ivyBrief.all.length;
    expect((await act(calSocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' })).ok).toBe(
      true,
    );
    expect(await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-story' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await eventually(() => expect(calBrief.value?.selected?.question.id).toBe('canary-echo-length'));
    expect(ivyBrief.all.length).toBe(ivyBriefsBefore);

    // Re-joining gives the new seat's documents: Cal gets notes of round 2, not round 1.
    const again = await joinOk(calSocket, { roomId: room.roomId, secret: cal.secret });
    expect(again.documents.code.name).toMatch(/\.code-2$/);
    expect(again.documents.notes?.name).toMatch(/\.notes-2$/);
    const round1Notes = ivy.documents.notes;
    if (!round1Notes) throw new Error('round 1 interviewer had notes');
    const peek = await t.rawDoc(`/yjs/${round1Notes.name}?token=${again.documents.code.token}`);
    expect(peek.status).toBe(401);
    const ivyAgain = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
    expect(ivyAgain.self.role).toBe('candidate');
    expect(ivyAgain.documents.notes).toBeUndefined();
    // Ivy can still open her own round-1 notes with her round-1 token.
    const own = await t.rawDoc(`/yjs/${round1Notes.name}?token=${round1Notes.token}`);
    expect(own.ws).toBeDefined();
    own.ws?.close();
  });
});

describe('feedback and report (P-PRIV-5)', () => {
  it('P-ROUND-3, P-PRIV-5: withholds the scorecard from the candidate until their self-assessment is in', async () => {
    const { room, ivySocket, calSocket, cal } = await pair();
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-story' });
    await act(ivySocket, ClientEvent.RevealQuestion);
    const ratings = ['star', 'impact', 'reflection'].map((criterionId) => ({
      criterionId,
      score: 3,
      comment: '',
    }));
    const scorecard = {
      round: 1,
      ratings,
      recommendation: 'yes',
      wentWell: 'SCORECARD_SECRET',
      toImprove: 'pace',
    };
    expect(await act(ivySocket, ClientEvent.SubmitScorecard, scorecard)).toMatchObject({ ok: false });
    expect((await act(calSocket, ClientEvent.EndRound)).ok).toBe(true);
    expect(await act(calSocket, ClientEvent.SubmitScorecard, scorecard)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await act(ivySocket, ClientEvent.SubmitScorecard, { ...scorecard, ratings: ratings.slice(1) }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await act(ivySocket, ClientEvent.SubmitScorecard, scorecard)).ok).toBe(true);

    const before = await report(room.roomId, cal.secret);
    expect(JSON.stringify(before)).not.toContain('SCORECARD_SECRET');
    expect(before.rounds[0]).toMatchObject({ scorecard: null, scorecardWithheld: true });
    expect(before.rounds[0]?.criteria.map((c) => c.id)).toEqual(['star', 'impact', 'reflection']);

    const self = { round: 1, ratings, interviewerClarity: 4, interviewerHelpfulness: 5, comment: 'fair' };
    expect((await act(calSocket, ClientEvent.SubmitSelfAssessment, self)).ok).toBe(true);
    const after = await report(room.roomId, cal.secret);
    expect(after.rounds[0]?.scorecard?.wentWell).toBe('SCORECARD_SECRET');
    expect(after.rounds[0]?.selfAssessment?.interviewerHelpfulness).toBe(5);
    expect((await report(room.roomId, room.secret)).rounds[0]?.scorecard?.recommendation).toBe('yes');
    const anonymous = await fetch(`${t.server.url}/api/rooms/${room.roomId}/report`);
    expect(anonymous.status).toBe(401);
  });
});

describe('feedback after a swap (P-ROUND-4)', () => {
  it('P-ROUND-4: an earlier round stays open to its two people, and room state says what is owed', async () => {
    const { ivySocket, ivyState, calSocket, cal } = await pair();
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-story' });
    await act(ivySocket, ClientEvent.RevealQuestion);
    // Swapped before anyone ended round 1.
    expect((await act(calSocket, ClientEvent.ProposeSwap)).ok).toBe(true);
    expect((await act(ivySocket, ClientEvent.RespondSwap, { accept: true })).ok).toBe(true);
    await eventually(() => expect(ivyState.value?.round.number).toBe(2));
    const first = () => ivyState.value?.rounds.find((r) => r.number === 1);
    expect(first()?.feedback).toEqual({ scorecard: false, selfAssessment: false });
    expect(first()?.criteria.map((c) => c.id)).toEqual(['star', 'impact', 'reflection']);
    expect(ivyState.value?.rounds.find((r) => r.number === 2)?.criteria).toEqual([]);

    const ratings = ['star', 'impact', 'reflection'].map((criterionId) => ({
      criterionId,
      score: 2,
      comment: '',
    }));
    const scorecard = { round: 1, ratings, recommendation: 'no', wentWell: 'w', toImprove: 't' };
    // Round 1's seats, not round 2's: Cal interviews now, but Ivy interviewed then.
    expect(await act(calSocket, ClientEvent.SubmitScorecard, scorecard)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await act(ivySocket, ClientEvent.SubmitScorecard, scorecard)).ok).toBe(true);
    const self = { round: 1, ratings, interviewerClarity: 3, interviewerHelpfulness: 3, comment: '' };
    expect((await act(calSocket, ClientEvent.SubmitSelfAssessment, self)).ok).toBe(true);
    await eventually(() => expect(first()?.feedback).toEqual({ scorecard: true, selfAssessment: true }));
    expect(ivyState.value?.round.number).toBe(2);
    expect(ivyState.value?.round.endedAt).toBeNull();
    expect(cal.self.id).toBe(ivyState.value?.rounds.find((r) => r.number === 1)?.candidateId);
  });
});

describe('report links (P-PRIV-6)', () => {
  it("P-PRIV-6: a person's read-only key opens their report and replay as they see them, and nothing else", async () => {
    const { room, ivySocket, ivy, calSocket, cal } = await pair();
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-story' });
    await act(ivySocket, ClientEvent.RevealQuestion);
    expect((await act(calSocket, ClientEvent.EndRound)).ok).toBe(true);
    const get = (path: string, bearer?: string) =>
      fetch(`${t.server.url}/api/rooms/${room.roomId}${path}`, {
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      });
    const keyOf = async (secret: string) =>
      ((await (await get('/report-key', secret)).json()) as { key: string }).key;
    const ivyKey = await keyOf(ivy.secret);
    const calKey = await keyOf(cal.secret);
    expect(ivyKey).toMatch(/^rk\./);
    expect(ivyKey).not.toBe(calKey);
    expect((await get('/report-key')).status).toBe(401);

    // As the person: Ivy's key replays her private notes, Cal's does not.
    expect((await get('/report', calKey)).status).toBe(200);
    expect(((await (await get('/report', ivyKey)).json()) as RoomReport).viewerId).toBe(ivy.self.id);
    expect((await get('/replay/1/notes', ivyKey)).status).toBe(200);
    expect((await get('/replay/1/notes', calKey)).status).toBe(403);
    const info = (await (await get('/replay/1', calKey)).json()) as { docs: Record<string, unknown> };
    expect(Object.keys(info.docs)).not.toContain('notes');

    // Nothing else: not the brief, not a join, not another room, not a forged key.
    expect((await get('/brief', ivyKey)).status).toBe(401);
    expect(await act(t.control(), ClientEvent.Join, { roomId: room.roomId, secret: ivyKey })).toMatchObject({
      ok: false,
    });
    const other = await createRoom(t.server.url, { roundType: 'coding', name: 'Oz' });
    const elsewhere = await fetch(`${t.server.url}/api/rooms/${other.roomId}/report`, {
      headers: { authorization: `Bearer ${ivyKey}` },
    });
    expect(elsewhere.status).toBe(401);
    const forged = `${ivyKey.slice(0, -3)}${ivyKey.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await get('/report', forged)).status).toBe(401);
    const asCal = ivyKey.replace(ivy.self.id, cal.self.id);
    expect((await get('/report', asCal)).status).toBe(401);
  });
});

describe('lobby', () => {
  function lobbyClient() {
    const socket = t.control();
    return {
      socket,
      status: latest<LobbyStatus>(socket, ServerEvent.LobbyStatus),
      match: latest<LobbyMatch>(socket, ServerEvent.LobbyMatched),
    };
  }
  const enter = (socket: ControlSocket, name: string, role: string) =>
    act(socket, ClientEvent.LobbyEnter, { name, trackId: 'canary', roundType: 'coding', role });

  it('P-LOBBY-1: pairs two compatible people into one room with the right roles', async () => {
    const a = lobbyClient();
    const b = lobbyClient();
    const c = lobbyClient();
    expect(await enter(a.socket, 'Ann', 'candidate')).toMatchObject({
      ok: true,
      data: { state: 'waiting', position: 1 },
    });
    expect(await enter(c.socket, 'Cid', 'candidate')).toMatchObject({
      ok: true,
      data: { state: 'waiting', position: 2 },
    });
    expect(await enter(b.socket, 'Bea', 'either')).toMatchObject({ ok: true, data: { state: 'left' } });
    await eventually(() => expect(a.match.value && b.match.value).toBeTruthy());
    expect(a.match.value?.roomId).toBe(b.match.value?.roomId);
    expect(a.match.value).toMatchObject({ role: 'candidate', partnerName: 'Bea' });
    expect(b.match.value).toMatchObject({ role: 'interviewer', partnerName: 'Ann' });
    // Cid moved up to first in line.
    await eventually(() =>
      expect(c.status.value).toMatchObject({ state: 'waiting', position: 1, waiting: 1 }),
    );
    const joined = await joinOk(t.control(), {
      roomId: a.match.value?.roomId,
      secret: a.match.value?.secret,
    });
    expect(joined.self).toMatchObject({ name: 'Ann', role: 'candidate' });
    expect(await enter(a.socket, 'Ann', 'chess')).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(
      await act(a.socket, ClientEvent.LobbyEnter, {
        name: 'Ann',
        trackId: 'nope',
        roundType: 'coding',
        role: 'either',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('leaving or closing the tab removes you from the line', async () => {
    const a = lobbyClient();
    const b = lobbyClient();
    await enter(a.socket, 'Ann', 'candidate');
    await enter(b.socket, 'Bob', 'candidate');
    await eventually(() => expect(b.status.value).toMatchObject({ position: 2 }));
    a.socket.disconnect();
    await eventually(() => expect(b.status.value).toMatchObject({ position: 1, waiting: 1 }));
    expect((await act(b.socket, ClientEvent.LobbyLeave)).ok).toBe(true);
    const c = lobbyClient();
    expect(await enter(c.socket, 'Cy', 'interviewer')).toMatchObject({
      data: { state: 'waiting', position: 1 },
    });
  });

  it('P-LOBBY-2: a no-show puts the one who arrived back at the front of the line', async () => {
    const a = lobbyClient();
    const b = lobbyClient();
    const d = lobbyClient();
    await enter(d.socket, 'Dee', 'interviewer');
    await enter(a.socket, 'Ann', 'interviewer');
    await enter(b.socket, 'Bo', 'candidate');
    await eventually(() => expect(b.match.value?.partnerName).toBe('Dee'));
    // Bo opens the room; Dee never does.
    const room = t.control();
    const requeued = latest<LobbyStatus>(room, ServerEvent.LobbyStatus);
    const rematch = latest<LobbyMatch>(room, ServerEvent.LobbyMatched);
    await joinOk(room, { roomId: b.match.value?.roomId, secret: b.match.value?.secret });
    // Bo is matched again at once with Ann, who was waiting: back at the front, first served.
    await eventually(() => expect(rematch.value?.partnerName).toBe('Ann'), 5000);
    expect(requeued.all).toEqual([]);
    expect(rematch.value?.roomId).not.toBe(b.match.value?.roomId);
  });
});

describe('restart', () => {
  it("the timer's end time survives a SIGKILL", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-timer-'));
    const server = await startServerProcess(dataDir);
    try {
      const room = await createRoom(server.url, { roundType: 'coding', name: 'Ivy' });
      const socket = connectControl(server.url);
      await joinOk(socket, { roomId: room.roomId, secret: room.secret });
      await act(socket, ClientEvent.Timer, { action: 'start' });
      const started = await joinOk(socket, { roomId: room.roomId, secret: room.secret });
      socket.disconnect();
      await server.kill();
      await server.restart();
      const again = connectControl(server.url);
      const after = await joinOk(again, { roomId: room.roomId, secret: room.secret });
      again.disconnect();
      expect(started.room.round.timer.endsAt).not.toBeNull();
      expect(after.room.round.timer).toEqual(started.room.round.timer);
    } finally {
      await server.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
