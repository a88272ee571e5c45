import { randomBytes } from 'node:crypto';
import {
  ClientEvent,
  type InterviewerBrief,
  type JoinResult,
  type OwnQuestionEntry,
  type RoomState,
  ServerEvent,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { ownCodingQuestion } from './fixtures/ownQuestion.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();
/** Planted in every private part of the interviewer's own question. */
const CANARY = 'CANARY_OWN_QUESTION_71d3';

const act = (socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(
    event,
    payload,
  );

async function writeQuestion(author: string): Promise<OwnQuestionEntry> {
  const res = await fetch(`${t.server.url}/api/my-questions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${author}` },
    body: JSON.stringify(ownCodingQuestion(CANARY)),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as OwnQuestionEntry;
}

async function interviewerAndCandidate() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivySocket = t.control();
  const briefs: InterviewerBrief[] = [];
  ivySocket.on(ServerEvent.InterviewerBrief, (b) => briefs.push(b));
  await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const calSocket = t.control();
  const calSeen: string[] = [];
  calSocket.onAny((event, ...args) => calSeen.push(`${event} ${JSON.stringify(args)}`));
  const cal: JoinResult = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal' });
  calSeen.push(JSON.stringify(cal));
  const states: RoomState[] = [];
  calSocket.on(ServerEvent.RoomState, (s) => states.push(s));
  return { room, ivySocket, briefs, calSocket, cal, calSeen, states };
}

describe('My questions in rooms', () => {
  it('P-MYQ-6, P-PRIV-1/2: the author picks their own question; the candidate gets only what is revealed', async () => {
    const ivyAuthor = randomBytes(32).toString('base64url');
    const mine = await writeQuestion(ivyAuthor);
    const { ivySocket, briefs, calSocket, cal, calSeen, states } = await interviewerAndCandidate();
    expect(cal.self.role).toBe('candidate');

    // Only with its author's secret: none, another author's, or the candidate's try are refused.
    expect(await act(ivySocket, ClientEvent.SelectQuestion, { questionId: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const stranger = randomBytes(32).toString('base64url');
    expect(
      await act(ivySocket, ClientEvent.SelectQuestion, { questionId: mine.id, author: stranger }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await act(calSocket, ClientEvent.SelectQuestion, { questionId: mine.id, author: ivyAuthor }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(
      (await act(ivySocket, ClientEvent.SelectQuestion, { questionId: mine.id, author: ivyAuthor })).ok,
    ).toBe(true);
    await eventually(() => expect(briefs.at(-1)?.selected?.question.id).toBe(mine.id));
    // The brief carries the private parts (the channel works), hidden tests included.
    const brief = JSON.stringify(briefs.at(-1));
    expect(brief).toContain(`hint two ${CANARY}`);
    expect(brief).toContain(`hidden ${CANARY}`);
    expect(states.at(-1)?.round.question ?? null).toBeNull();

    expect((await act(ivySocket, ClientEvent.RevealQuestion, {})).ok).toBe(true);
    await eventually(() => expect(states.at(-1)?.round.question?.title).toBe('Sum of a list'));
    const shown = states.at(-1)?.round.question;
    expect(shown?.id).toBe(mine.id);
    // Public tests only, and Java, C++ and Go starters generated from the typed signature.
    expect(shown?.publicTests?.map((test) => test.name)).toEqual(['two', 'empty']);
    expect(shown?.coding?.starterCode.java).toContain('sumList');

    expect((await act(ivySocket, ClientEvent.RevealHint, {})).ok).toBe(true);
    await eventually(() => expect(states.at(-1)?.round.hints[0]?.text).toContain('hint one'));

    // The round ends and is scored on the question's own rubric.
    expect((await act(ivySocket, ClientEvent.EndRound, {})).ok).toBe(true);
    const ratings = ['crit-a', 'crit-b', 'crit-c'].map((criterionId) => ({
      criterionId,
      score: 3,
      comment: '',
    }));
    const scorecard = { round: 1, ratings, recommendation: 'yes', wentWell: 'clear', toImprove: 'tests' };
    expect((await act(ivySocket, ClientEvent.SubmitScorecard, scorecard)).ok).toBe(true);

    expect(calSeen.join('\n')).toContain('hint one');
    expect(calSeen.join('\n')).not.toContain(CANARY);
  });

  it('P-MYQ-6: an own question is never picked ahead for the next round (its author picks it in the round)', async () => {
    const ivyAuthor = randomBytes(32).toString('base64url');
    const mine = await writeQuestion(ivyAuthor);
    const { ivySocket } = await interviewerAndCandidate();
    expect((await act(ivySocket, ClientEvent.EndRound, {})).ok).toBe(true);
    expect(
      await act(ivySocket, ClientEvent.NextRound, {
        roundType: 'coding',
        seats: 'same',
        questionId: mine.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // A room cannot be created on one either: it is not in the bank.
    const res = await fetch(`${t.server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roundType: 'coding', questionId: mine.id }),
    });
    expect(res.status).toBe(404);
  });
});
