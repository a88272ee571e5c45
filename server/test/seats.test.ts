import { ClientEvent, type DocumentGrants, type InterviewerBrief, ServerEvent } from '@mockloop/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../src/config/Limits.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { RawControl } from './support/rawControl.js';
import { openRawDoc } from './support/rawDocSocket.js';
import { withTestServer } from './support/withTestServer.js';

// Each trial is a fresh room, so the rooms-per-address limit is raised for this file.
const t = withTestServer({ limits: { ...DEFAULT_LIMITS, roomsPerIpPerHour: 10_000 } });
const TRIALS = 12;
const CODING = [
  'netflix-mle-top-k-trending',
  'netflix-mle-merge-k-ranked-lists',
  'netflix-mle-watch-order-dependencies',
];

type Ack = { ok: boolean; error?: { code: string; message: string } };
const act = (socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack>)(event, payload);

/** Ivy (interviewer, speaking raw packets) and Cal (candidate) in a fresh room, plain or a loop. */
async function room(loop: boolean) {
  const created = await createRoom(
    t.server.url,
    loop
      ? { roundType: 'coding', loopTrackId: 'netflix-mle', name: 'Ivy' }
      : { roundType: 'coding', name: 'Ivy' },
  );
  const ivy = await RawControl.open(t.server.url);
  const joined = await ivy.emit<{ self: { id: string } }>(ClientEvent.Join, {
    roomId: created.roomId,
    secret: created.secret,
  });
  if (!joined.ok) throw new Error(joined.error.message);
  const calSocket = t.control();
  const cal = await joinOk(calSocket, { roomId: created.roomId, name: 'Cal' });
  return { roomId: created.roomId, ivy, ivyId: joined.data.self.id, calSocket, calId: cal.self.id, cal };
}

const store = () => t.server.app.store;

describe('seats are checked inside the guarded write (P-SEAT-1)', () => {
  for (const loop of [false, true]) {
    it(`P-SEAT-1: an outgoing interviewer's pick, reveal and hint sent in one TCP write behind round:next with swapped seats never touch the round they answer (${loop ? 'loop room' : 'plain room'}, ${TRIALS} trials)`, async () => {
      const landed: string[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        const r = await room(loop);
        expect((await r.ivy.emit(ClientEvent.EndRound, {})).ok).toBe(true);
        const before = await store().getRound(r.roomId, 1);
        // Round 2 of a loop plays the coding stage with its drawn question; pick any other one.
        const drawn = (await store().getRoom(r.roomId))?.loop?.stages[1]?.questionId ?? null;
        const pick = CODING.find((id) => id !== drawn) as string;
        // A few of each: one that loses the race against round:next retries on the round it opened.
        const actions: Array<[string, unknown]> = [
          [ClientEvent.SelectQuestion, { questionId: pick }],
          [ClientEvent.RevealQuestion, {}],
          [ClientEvent.RevealHint, {}],
        ];
        const next: [string, unknown] = [ClientEvent.NextRound, { roundType: 'coding', seats: 'swapped' }];
        const burst = [...actions, ...actions, ...actions];
        // Even trials: everything in one TCP write. Odd ones: the actions in a second write right
        // behind it, so they start while round:next is in flight.
        const sent =
          trial % 2 === 0
            ? r.ivy.batch([next, ...burst])
            : [...r.ivy.batch([next]), ...(await new Promise(setImmediate).then(() => r.ivy.batch(burst)))];
        const acks = await Promise.all(sent);
        expect(acks[0]?.ok, JSON.stringify(acks[0])).toBe(true);
        const second = await store().getRound(r.roomId, 2);
        expect(second?.interviewerId).toBe(r.calId);
        if (second?.questionId !== drawn || second.revealedAt !== null || second.hintTimes.length > 0) {
          landed.push(`trial ${trial}: round 2, where they are the candidate: ${JSON.stringify(second)}`);
        }
        const first = await store().getRound(r.roomId, 1);
        if (JSON.stringify(first) !== JSON.stringify(before)) {
          landed.push(`trial ${trial}: the ended round 1: ${JSON.stringify(first)}`);
        }
        const accepted = acks.slice(1).filter((ack) => ack.ok).length;
        if (accepted > 0) landed.push(`trial ${trial}: ${accepted} of ${acks.length - 1} actions accepted`);
        r.ivy.close();
        r.calSocket.disconnect();
      }
      expect(landed).toEqual([]);
    });
  }

  it('P-SEAT-1: after a swap the former interviewer is refused every interviewer action, and the new one is not', async () => {
    const r = await room(false);
    const calBriefs: InterviewerBrief[] = [];
    r.calSocket.on(ServerEvent.InterviewerBrief, (b) => calBriefs.push(b));
    expect((await r.ivy.emit(ClientEvent.EndRound, {})).ok).toBe(true);
    expect((await r.ivy.emit(ClientEvent.NextRound, { roundType: 'coding', seats: 'swapped' })).ok).toBe(
      true,
    );
    for (const [event, payload] of [
      [ClientEvent.SelectQuestion, { questionId: CODING[0] }],
      [ClientEvent.RevealQuestion, {}],
      [ClientEvent.RevealHint, {}],
      [ClientEvent.Timer, { action: 'start' }],
      [ClientEvent.FocusView, { view: 'code' }],
      [ClientEvent.NextRound, { roundType: 'coding', seats: 'same' }],
    ] as const) {
      const ack = await r.ivy.emit(event, payload);
      expect(ack, event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // The notes of round 2 are the new interviewer's alone.
    const ivyDocs = await r.ivy.emit<DocumentGrants>(ClientEvent.RefreshDocuments, {});
    expect(ivyDocs.ok && ivyDocs.data.role).toBe('candidate');
    expect(ivyDocs.ok && Object.keys(ivyDocs.data.documents)).not.toContain('notes');
    expect((await act(r.calSocket, ClientEvent.SelectQuestion, { questionId: CODING[0] })).ok).toBe(true);
    await eventually(() => expect(calBriefs.at(-1)?.selected?.question.id).toBe(CODING[0]));
    r.ivy.close();
  });
});

/** 4,000 one-character edits, each its own stored row. */
const HISTORY = (() => {
  const doc = new Y.Doc();
  const rows: Array<{ data: Uint8Array; at: number; author: string | null }> = [];
  doc.on('update', (data: Uint8Array) => rows.push({ data, at: Date.now(), author: null }));
  for (let i = 0; i < 4000; i++) doc.getText('code').insert(i, 'x');
  return rows;
})();

/** A sync message (y-protocols) carrying `write`: step 1 when `write` is null. */
function syncFrame(write: Uint8Array | null): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  if (write) syncProtocol.writeUpdate(encoder, write);
  else syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

describe('document grants and seat changes (P-SEAT-1)', () => {
  it(`P-SEAT-1: a code connection authorised while round:next swaps the seats cannot write the ended round (${TRIALS} trials)`, async () => {
    const wrote: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const r = await room(false);
      expect((await r.ivy.emit(ClientEvent.EndRound, {})).ok).toBe(true);
      const access = r.cal.documents.code;
      // A long history, so loading the document takes a while: the window this test aims at.
      await store().appendUpdates(new Map([[access.name, HISTORY]]));
      // The candidate's upgrade and the interviewer's round:next, at the same moment.
      // The candidate's upgrade, and the interviewer's round:next 0-5 ms later (the seat changes
      // while the grant is being loaded in some trials, after the connection opened in others).
      const opening = openRawDoc(t.server.wsUrl, access);
      await new Promise((resolve) => setTimeout(resolve, trial % 6));
      const [doc, next] = await Promise.all([
        opening,
        r.ivy.emit(ClientEvent.NextRound, { roundType: 'coding', seats: 'swapped' }),
      ]);
      expect(next.ok).toBe(true);
      // Write, then ask for the document back on the same connection: its answer comes after the
      // write was handled, and holds the write only if it was applied.
      const seen = new Y.Doc();
      let answers = 0;
      doc.ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0) return;
        const type = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), seen, null);
        if (type === syncProtocol.messageYjsSyncStep2) answers++;
      });
      const mine = new Y.Doc();
      mine.getText('code').insert(0, `written after the swap ${trial}`);
      doc.send(syncFrame(Y.encodeStateAsUpdate(mine)));
      doc.send(syncFrame(null));
      const closed = await Promise.race([
        doc.closed,
        eventually(() => expect(answers).toBe(1)).then(() => null),
      ]);
      if (closed === null && seen.getText('code').toString().includes('written after')) {
        wrote.push(`trial ${trial}: the ended round's code took the write`);
      }
      doc.ws.close();
      r.ivy.close();
      r.calSocket.disconnect();
    }
    expect(wrote).toEqual([]);
  });
});

describe('an ended round is final (P-SEAT-2)', () => {
  it('P-SEAT-2: pick, reveal and hint after End, and after the self-assessment, are refused and change nothing', async () => {
    const r = await room(false);
    const ivy = r.ivy;
    expect((await ivy.emit(ClientEvent.SelectQuestion, { questionId: CODING[0] })).ok).toBe(true);
    expect((await ivy.emit(ClientEvent.RevealQuestion, {})).ok).toBe(true);
    expect((await ivy.emit(ClientEvent.EndRound, {})).ok).toBe(true);
    const ended = await store().getRound(r.roomId, 1);
    const attempts = [
      [ClientEvent.SelectQuestion, { questionId: CODING[1] }],
      [ClientEvent.RevealQuestion, {}],
      [ClientEvent.RevealHint, {}],
    ] as const;
    for (const [event, payload] of attempts) {
      const ack = await ivy.emit(event, payload);
      expect(ack, event).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      if (!ack.ok) expect(ack.error.message).toMatch(/has ended/);
    }
    // The candidate rates the rubric of the question that was asked; it cannot move after that.
    const question = t.server.app.bank.questions.find((q) => q.id === CODING[0]);
    const ratings = (question?.interviewer.rubric ?? []).map((c) => ({
      criterionId: c.id,
      score: 3,
      comment: '',
    }));
    const self = await act(r.calSocket, ClientEvent.SubmitSelfAssessment, {
      round: 1,
      ratings,
      interviewerClarity: 4,
      interviewerHelpfulness: 4,
      comment: '',
    });
    expect(self, JSON.stringify(self)).toMatchObject({ ok: true });
    for (const [event, payload] of attempts) {
      expect(await ivy.emit(event, payload), event).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    }
    expect(await store().getRound(r.roomId, 1)).toEqual(ended);
    ivy.close();
  });
});
