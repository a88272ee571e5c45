import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ClientEvent,
  type InterviewerBrief,
  type JoinResult,
  type PublicQuestion,
  type RoomState,
  ServerEvent,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import {
  CANARY_BANK_DIR,
  canariesIn,
  PUBLIC_PROMPT,
  REVEALED_HINT,
  STARTER,
} from './fixtures/canary-bank/canaries.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { startServerProcess } from './support/serverProcess.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer({ questionsDir: CANARY_BANK_DIR });
const control = t.control;

/** Everything a socket receives, serialised, to search for canaries. */
function recordAll(socket: ControlSocket): string[] {
  const seen: string[] = [];
  socket.onAny((event, ...args) => seen.push(`${event} ${JSON.stringify(args)}`));
  return seen;
}

async function interviewAndCandidate() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivySocket = control();
  const briefs: InterviewerBrief[] = [];
  ivySocket.on(ServerEvent.InterviewerBrief, (b) => briefs.push(b));
  const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const calSocket = control();
  const calSeen = recordAll(calSocket);
  const cal: JoinResult = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal', role: 'interviewer' });
  calSeen.push(JSON.stringify(cal));
  const states: RoomState[] = [];
  calSocket.on(ServerEvent.RoomState, (s) => states.push(s));
  return { room, ivySocket, ivy, briefs, calSocket, cal, calSeen, states };
}

const act = (socket: ControlSocket, event: string, payload: unknown) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(
    event,
    payload,
  );

describe('question bank API (P-PRIV-3)', () => {
  it('serves public fields only', async () => {
    for (const url of [
      '/api/questions',
      '/api/questions/canary-echo-length',
      '/api/tracks',
      '/api/tracks/canary',
    ]) {
      const res = await fetch(`${t.server.url}${url}`);
      expect(res.status, url).toBe(200);
      const body = await res.text();
      expect(canariesIn(body), url).toEqual([]);
    }
    const question = (await (
      await fetch(`${t.server.url}/api/questions/canary-echo-length`)
    ).json()) as PublicQuestion;
    expect(question.prompt).toContain(PUBLIC_PROMPT);
    expect(question.publicTests).toHaveLength(3);
    expect((await fetch(`${t.server.url}/api/questions/nope`)).status).toBe(404);
  });
});

describe('interviewer console', () => {
  it('P-PRIV-1/2: the candidate receives nothing private through a whole round', async () => {
    const { ivySocket, briefs, calSocket, cal, calSeen, states } = await interviewAndCandidate();
    expect(cal.self.role).toBe('candidate');
    expect(cal.documents.notes).toBeUndefined();

    expect((await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' })).ok).toBe(
      true,
    );
    await eventually(() => expect(briefs.at(-1)?.selected?.question.id).toBe('canary-echo-length'));
    // The interviewer's brief does carry the private data: the channel works.
    expect(canariesIn(JSON.stringify(briefs.at(-1)))).toContain('CANARY_RUBRIC_9d1f');
    expect(canariesIn(JSON.stringify(briefs.at(-1)))).toContain('CANARY_HIDDEN_ARG_0d9e');

    expect((await act(ivySocket, ClientEvent.RevealQuestion, {})).ok).toBe(true);
    await eventually(() => expect(states.at(-1)?.round.question?.prompt).toContain(PUBLIC_PROMPT));
    expect(states.at(-1)?.round.hints).toEqual([]);

    expect((await act(ivySocket, ClientEvent.RevealHint, {})).ok).toBe(true);
    await eventually(() => expect(states.at(-1)?.round.hints[0]?.text).toContain(REVEALED_HINT));

    // The candidate's own attempts at the interviewer's controls are refused.
    for (const event of [ClientEvent.SelectQuestion, ClientEvent.RevealQuestion, ClientEvent.RevealHint]) {
      const ack = await act(calSocket, event, { questionId: 'canary-story' });
      expect(ack, event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calSeen.join('\n')).toContain(REVEALED_HINT);
    expect(canariesIn(calSeen.join('\n'))).toEqual([]);
  });

  it('P-DOC-1, P-PRIV-2: only the interviewer can open the private notes document', async () => {
    const { ivy, cal } = await interviewAndCandidate();
    const notes = ivy.documents.notes;
    if (!notes) throw new Error('the interviewer has notes access');
    const open = async (name: string, token: string) => {
      const { ws, status } = await t.rawDoc(`/yjs/${name}?token=${token}`);
      ws?.close();
      return ws ? 101 : status;
    };
    expect(await open(notes.name, notes.token)).toBe(101);
    expect(await open(notes.name, cal.documents.code.token)).toBe(401);
    expect(await open(notes.name, 'x')).toBe(401);

    const mine = t.doc(notes);
    mine.doc.getText('notes').insert(0, 'kept');
    await t.server.app.docs.flush(notes.name);
    await eventually(async () =>
      expect(await t.server.app.store.countUpdates(notes.name)).toBeGreaterThan(0),
    );
  });

  it('P-PRIV-4: puts the starter code in the editor exactly once, whoever is connected', async () => {
    const { room, ivySocket, ivy, cal } = await interviewAndCandidate();
    const a = t.doc(ivy.documents.code);
    const b = t.doc(cal.documents.code);
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    // A second interviewer tab reveals at the same moment.
    const tab2 = control();
    await joinOk(tab2, { roomId: room.roomId, secret: room.secret });
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' });
    const acks = await Promise.all([
      act(ivySocket, ClientEvent.RevealQuestion, {}),
      act(tab2, ClientEvent.RevealQuestion, {}),
      act(ivySocket, ClientEvent.RevealQuestion, {}),
    ]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await eventually(() => {
      expect(a.text.toString()).toContain(STARTER);
      expect(b.text.toString()).toBe(a.text.toString());
    });
    expect(a.text.toString().split(STARTER)).toHaveLength(2);
    expect(a.text.toString()).toContain('def echo_length');
    // A client joining later loads it from the server, still once.
    const late = t.doc(cal.documents.code);
    await eventually(() => expect(late.text.toString()).toBe(a.text.toString()));
  });

  it('P-PRIV-1: a coding question revealed in two steps shows its prompt alone, then the rest with its starter code', async () => {
    const { ivySocket, ivy, cal, states, briefs } = await interviewAndCandidate();
    const code = t.doc(cal.documents.code);
    await eventually(() => expect(code.provider.synced).toBe(true));
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' });
    expect((await act(ivySocket, ClientEvent.RevealQuestion, { part: 'prompt' })).ok).toBe(true);
    await eventually(() => expect(states.at(-1)?.round.question).not.toBeNull());
    const promptOnly = states.at(-1)?.round;
    expect(promptOnly?.morePending).toBe(true);
    expect(promptOnly?.question?.prompt).toBeTruthy();
    expect(promptOnly?.question?.coding).toBeUndefined();
    expect(promptOnly?.question?.publicTests).toBeUndefined();
    await eventually(() => expect(briefs.at(-1)).toMatchObject({ revealed: true, detailsRevealed: false }));
    // The prompt again changes nothing; the rest is one more reveal.
    expect((await act(ivySocket, ClientEvent.RevealQuestion, { part: 'prompt' })).ok).toBe(true);
    expect(code.text.toString()).not.toContain(STARTER);
    expect((await act(ivySocket, ClientEvent.RevealQuestion, {})).ok).toBe(true);
    await eventually(() => expect(states.at(-1)?.round.question?.coding).toBeDefined());
    expect(states.at(-1)?.round.morePending).toBe(false);
    expect(states.at(-1)?.round.revealedAt).toBe(promptOnly?.revealedAt);
    await eventually(() => expect(code.text.toString()).toContain(STARTER));
    await eventually(() => expect(briefs.at(-1)).toMatchObject({ detailsRevealed: true }));
    expect(ivy.self.role).toBe('interviewer');
    // Anything else in the payload is refused.
    expect(await act(ivySocket, ClientEvent.RevealQuestion, { part: 'signature' })).toMatchObject({
      ok: false,
    });
  });

  it('refuses revealing before picking, unknown questions, and hints past the last', async () => {
    const { room, ivySocket } = await interviewAndCandidate();
    expect(await act(ivySocket, ClientEvent.RevealQuestion, {})).toMatchObject({ ok: false });
    expect(
      await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'no-such-question' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await act(ivySocket, ClientEvent.SelectQuestion, { questionId: '../etc' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-story' });
    expect(await act(ivySocket, ClientEvent.RevealHint, {})).toMatchObject({ ok: false });
    await act(ivySocket, ClientEvent.RevealQuestion, {});
    for (let i = 0; i < 3; i++) expect((await act(ivySocket, ClientEvent.RevealHint, {})).ok).toBe(true);
    expect(await act(ivySocket, ClientEvent.RevealHint, {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    // Once revealed, the question of the round is fixed.
    expect(
      await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' }),
    ).toMatchObject({
      ok: false,
    });
    // Every console action is on the timeline, timestamped, in order.
    const events = await t.server.app.store.listEvents(room.roomId);
    expect(events.map((e) => [e.type, e.data.index ?? e.data.questionId])).toEqual([
      ['question-selected', 'canary-story'],
      ['question-revealed', 'canary-story'],
      ['hint-revealed', 0],
      ['hint-revealed', 1],
      ['hint-revealed', 2],
    ]);
    expect(events.every((e, i) => i === 0 || e.at >= (events[i - 1]?.at ?? 0))).toBe(true);
  });
});

describe('a loop room (P-LOOP-1, P-PRIV-1/2)', () => {
  it('P-LOOP-1, P-LOOP-5: nothing private reaches the candidate in any round, drawn questions, a swap and a recruiter screen included', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', loopTrackId: 'canary', name: 'Ivy' });
    const ivySocket = control();
    const briefs: InterviewerBrief[] = [];
    ivySocket.on(ServerEvent.InterviewerBrief, (b) => briefs.push(b));
    const ivySeen: string[] = [];
    const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
    const calSocket = control();
    const calSeen = recordAll(calSocket);
    const calBriefs: InterviewerBrief[] = [];
    calSocket.on(ServerEvent.InterviewerBrief, (b) => calBriefs.push(b));
    const states: RoomState[] = [];
    calSocket.on(ServerEvent.RoomState, (s) => states.push(s));
    const cal = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal' });
    calSeen.push(JSON.stringify(cal));
    expect(cal.room.roundType).toBe('recruiter-screen');

    // Round 1, the screen: the plan drew the behavioural story for the interviewer alone.
    await eventually(() => expect(briefs.at(-1)?.selected?.question.id).toBe('canary-story'));
    expect(canariesIn(JSON.stringify(briefs.at(-1)))).toContain('CANARY_STORY_GUIDANCE_9b3c');
    expect(briefs.at(-1)?.screen).toMatchObject({ company: 'Canary Corp', values: ['Testing'] });
    expect((await act(ivySocket, ClientEvent.RevealQuestion, {})).ok).toBe(true);
    expect((await act(ivySocket, ClientEvent.EndRound, {})).ok).toBe(true);

    // Round 2, coding with the same seats: the plan's drawn question, picked before anyone looks.
    expect((await act(ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' })).ok).toBe(
      true,
    );
    await eventually(() => expect(briefs.at(-1)?.selected?.question.id).toBe('canary-echo-length'));
    await eventually(() => expect(states.at(-1)?.round.number).toBe(2));
    expect((await act(ivySocket, ClientEvent.RevealQuestion, {})).ok).toBe(true);
    expect((await act(ivySocket, ClientEvent.RevealHint, {})).ok).toBe(true);
    await eventually(() => expect(states.at(-1)?.round.hints[0]?.text).toContain(REVEALED_HINT));
    expect((await act(ivySocket, ClientEvent.EndRound, {})).ok).toBe(true);
    expect(calBriefs).toEqual([]);
    expect(canariesIn(calSeen.join('\n'))).toEqual([]);

    // Round 3 with the seats swapped: from now on Ivy is the candidate and Cal gets the brief.
    ivySocket.onAny((event, ...args) => ivySeen.push(`${event} ${JSON.stringify(args)}`));
    expect((await act(ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'swapped' })).ok).toBe(
      true,
    );
    await eventually(() => expect(calBriefs.at(-1)?.round).toBe(3));
    expect(calBriefs.at(-1)?.selected).toBeNull(); // off the plan: the next interviewer picks
    expect((await act(calSocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' })).ok).toBe(
      true,
    );
    await eventually(() =>
      expect(canariesIn(JSON.stringify(calBriefs.at(-1)))).toContain('CANARY_RUBRIC_9d1f'),
    );
    expect((await act(calSocket, ClientEvent.RevealQuestion, {})).ok).toBe(true);
    expect((await act(calSocket, ClientEvent.RevealHint, {})).ok).toBe(true);
    await eventually(() => expect(ivySeen.join('\n')).toContain(REVEALED_HINT));
    expect(briefs.at(-1)?.round).toBe(2);
    expect(canariesIn(ivySeen.join('\n'))).toEqual([]);
    expect(ivy.self.role).toBe('interviewer');
  });
});

describe('GET /api/rooms/:roomId/brief (P-PRIV-2)', () => {
  it('answers the interviewer only: 401 without a valid secret, 403 for anyone else', async () => {
    const { room, ivySocket, cal } = await interviewAndCandidate();
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' });
    const brief = (auth?: string) =>
      fetch(
        `${t.server.url}/api/rooms/${room.roomId}/brief`,
        auth ? { headers: { authorization: auth } } : {},
      );
    expect((await brief()).status).toBe(401);
    expect((await brief('Bearer nope')).status).toBe(401);
    expect((await brief(`Bearer ${'A'.repeat(43)}`)).status).toBe(401);
    const forbidden = await brief(`Bearer ${cal.secret}`);
    expect(forbidden.status).toBe(403);
    expect(canariesIn(await forbidden.text())).toEqual([]);
    const ok = await brief(`Bearer ${room.secret}`);
    expect(ok.status).toBe(200);
    expect(canariesIn(await ok.text())).toContain('CANARY_RUBRIC_9d1f');
  });
});

describe('QUESTIONS_DIR', () => {
  it('a broken bank stops the server at start-up with file, field and reason', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-broken-bank-'));
    fs.cpSync(CANARY_BANK_DIR, broken, { recursive: true });
    const file = path.join(broken, 'canary/02-story/question.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('difficulty: medium', 'difficulty: impossible'),
    );
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-broken-data-'));
    try {
      await expect(startServerProcess(dataDir, { QUESTIONS_DIR: broken })).rejects.toThrow(
        /02-story\/question\.yaml: difficulty: /,
      );
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
