import { ClientEvent, type InterviewerBrief, MAX_SEEN_IDS, ServerEvent } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { drawLoopPlan, pickFirst } from '../src/questions/drawLoopPlan.js';
import { loadQuestionBank } from '../src/questions/loadQuestionBank.js';
import { createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { REPO_QUESTIONS } from './support/testServer.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();

describe('no spoilers', () => {
  it('P-SEEN-1: the interviewer learns which questions the candidate’s browser has seen; a list past the bound is refused', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    const ivy = t.control();
    const briefs: InterviewerBrief[] = [];
    ivy.on(ServerEvent.InterviewerBrief, (b) => briefs.push(b));
    await joinOk(ivy, { roomId: room.roomId, secret: room.secret, seen: ['netflix-mle-ndcg-at-k'] });
    await eventually(() => expect(briefs.at(-1)?.candidateSeen).toEqual([]));

    const tooMany = Array.from({ length: MAX_SEEN_IDS + 1 }, (_, i) => `q-${i}`);
    const refused = await t
      .control()
      .emitWithAck(ClientEvent.Join, { roomId: room.roomId, name: 'Cal', seen: tooMany });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    await joinOk(t.control(), {
      roomId: room.roomId,
      name: 'Cal',
      seen: ['netflix-mle-top-k-trending', 'backend-swe-free-dock-slots'],
    });
    await eventually(() =>
      expect(briefs.at(-1)?.candidateSeen).toEqual([
        'netflix-mle-top-k-trending',
        'backend-swe-free-dock-slots',
      ]),
    );
  });

  it('P-SEEN-2: a loop plan draws questions the browser has not seen, and seen ones only when nothing else fits', async () => {
    const bank = await loadQuestionBank(REPO_QUESTIONS);
    const track = bank.tracks.find((tr) => tr.id === 'backend-swe');
    if (!track) throw new Error('no backend-swe track');
    const plain = drawLoopPlan(track, bank.questions, pickFirst);
    if ('unfilled' in plain) throw new Error('unfilled');
    const firstDraws = new Set(plain.stages.map((s) => s.questionId ?? ''));
    const avoiding = drawLoopPlan(track, bank.questions, pickFirst, firstDraws);
    if ('unfilled' in avoiding) throw new Error('unfilled');
    // Every stage that had another question to draw drew it; the plan is still whole.
    const again = avoiding.stages.filter((s) => firstDraws.has(s.questionId ?? ''));
    expect(avoiding.stages.every((s) => s.questionId)).toBe(true);
    expect(again.length).toBeLessThan(plain.stages.length);
    // Seeing everything leaves the plan as it was: seen questions are a last resort, not a refusal.
    const all = new Set(bank.questions.map((q) => q.id));
    expect(drawLoopPlan(track, bank.questions, pickFirst, all)).toEqual(plain);

    // Over HTTP: `seen` is bounded like the join's.
    const res = await fetch(`${t.server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roundType: 'coding', loopTrackId: 'backend-swe', seen: [...firstDraws] }),
    });
    expect(res.status).toBe(201);
  });
});
