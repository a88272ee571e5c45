import {
  type Ack,
  BOARD_DOC,
  ClientEvent,
  CODE_DOC,
  type DocKind,
  docName,
  NOTES_DOC,
  REPLAY_API,
  REPLAY_PAGE_ROWS,
  type ReplayInfo,
  type ReplayRows,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CANARIES, CANARY_BANK_DIR, NOTES_CANARY, REVEALED_HINT } from './fixtures/canary-bank/canaries.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer({ questionsDir: CANARY_BANK_DIR });

const act = (socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack<unknown>>)(event, payload);

async function get<T>(path: string, secret: string | null): Promise<{ status: number; body: T }> {
  const res = await fetch(`${t.server.url}${path}`, {
    headers: secret === null ? {} : { authorization: `Bearer ${secret}` },
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Every row of a document through the replay API, page by page, applied to a fresh Y.Doc. */
async function replayDoc(roomId: string, kind: DocKind, secret: string) {
  const doc = new Y.Doc();
  let after = 0;
  let pages = 0;
  const rows: ReplayRows['rows'] = [];
  for (;;) {
    const { status, body } = await get<ReplayRows>(REPLAY_API.rows(roomId, 1, kind, after), secret);
    expect(status).toBe(200);
    pages++;
    for (const row of body.rows) Y.applyUpdate(doc, Buffer.from(row[3], 'base64'));
    rows.push(...body.rows);
    if (body.next === null) break;
    after = body.next;
  }
  return { doc, rows, pages };
}

/** A room where Ivy interviews Cal: question picked and revealed, one hint, notes, code typed. */
async function interview() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivySocket = t.control();
  const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const cal = await joinOk(t.control(), { roomId: room.roomId, name: 'Cal' });
  expect((await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' })).ok).toBe(
    true,
  );
  expect((await act(ivySocket, ClientEvent.RevealQuestion)).ok).toBe(true);
  expect((await act(ivySocket, ClientEvent.RevealHint)).ok).toBe(true);
  const notes = ivy.documents.notes;
  if (!notes) throw new Error('the interviewer has notes');
  const ivyNotes = t.doc(notes);
  ivyNotes.doc.getText(NOTES_DOC.text).insert(0, `Asked good questions. ${NOTES_CANARY}`);
  const calCode = t.doc(cal.documents.code);
  await eventually(() => expect(calCode.text.toString()).toContain('STARTER_MARKER'));
  for (const char of 'return len(s)') calCode.text.insert(calCode.text.length, char);
  // Stored once the server has them all.
  await eventually(async () => {
    await t.server.app.docs.flush(docName(room.roomId, 'code', 1));
    await t.server.app.docs.flush(notes.name);
    const code = await replayDoc(room.roomId, 'code', cal.secret);
    expect(code.doc.getText(CODE_DOC.text).toString()).toBe(calCode.text.toString());
    expect(await t.server.app.store.countUpdates(notes.name)).toBeGreaterThan(0);
  });
  return { room, ivy, cal, calCode };
}

describe('replay', () => {
  it('P-REPLAY-1: the candidate replays code and the allowed events; only the interviewer gets notes', async () => {
    const { room, cal, calCode } = await interview();

    const asCandidate = await get<ReplayInfo>(REPLAY_API.info(room.roomId, 1), cal.secret);
    expect(asCandidate.status).toBe(200);
    expect(Object.keys(asCandidate.body.docs).sort()).toEqual(['board', 'code']);
    expect(asCandidate.body.docs.code?.rows).toBeGreaterThan(13);
    expect(asCandidate.body.events.map((e) => e.type)).toEqual(['question-revealed', 'hint-revealed']);
    expect(JSON.stringify(asCandidate.body)).toContain(REVEALED_HINT);
    expect(asCandidate.body.people.map((p) => [p.name, p.role])).toEqual([
      ['Ivy', 'interviewer'],
      ['Cal', 'candidate'],
    ]);
    const code = await replayDoc(room.roomId, 'code', cal.secret);
    expect(code.doc.getText(CODE_DOC.text).toString()).toBe(calCode.text.toString());
    expect(code.rows.filter((r) => r[2] === -1).length).toBeGreaterThan(0); // the server's starter code

    // No door to the notes for the candidate, whatever the round number or spelling.
    const notes = await get<{ error: { code: string } }>(
      REPLAY_API.rows(room.roomId, 1, 'notes'),
      cal.secret,
    );
    expect(notes).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const candidateSaw = JSON.stringify([asCandidate.body, code.rows]) + code.doc.getText(CODE_DOC.text);
    for (const canary of [...CANARIES, NOTES_CANARY]) expect(candidateSaw).not.toContain(canary);

    // The interviewer's replay adds the notes.
    const asInterviewer = await get<ReplayInfo>(REPLAY_API.info(room.roomId, 1), room.secret);
    expect(Object.keys(asInterviewer.body.docs).sort()).toEqual(['board', 'code', 'notes']);
    const ivyNotes = await replayDoc(room.roomId, 'notes', room.secret);
    expect(ivyNotes.doc.getText(NOTES_DOC.text).toString()).toContain(NOTES_CANARY);
  });

  it('P-REPLAY-1: a picked but unrevealed question is not on the timeline', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    const ivySocket = t.control();
    await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
    const cal = await joinOk(t.control(), { roomId: room.roomId, name: 'Cal' });
    expect((await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' })).ok).toBe(
      true,
    );
    const { body } = await get<ReplayInfo>(REPLAY_API.info(room.roomId, 1), cal.secret);
    expect(body.events).toEqual([]);
  });

  it('rows come in ranges of REPLAY_PAGE_ROWS, in order, each range after the last', async () => {
    const { room, cal } = await interview();
    // A long board history, written straight to the store (a peer sending this many updates this
    // fast would be cut off by the rate limit long before).
    const drawing = new Y.Doc();
    const rows: Array<{ data: Uint8Array; at: number; author: string }> = [];
    drawing.on('update', (data: Uint8Array) =>
      rows.push({ data, at: 1000 + rows.length, author: cal.self.id }),
    );
    const elements = drawing.getMap(BOARD_DOC.elements);
    for (let i = 0; i < REPLAY_PAGE_ROWS + 50; i++)
      elements.set(`e${i % 40}`, { id: `e${i % 40}`, version: i });
    await t.server.app.store.appendUpdates(new Map([[docName(room.roomId, 'board', 1), rows]]));

    const board = await replayDoc(room.roomId, 'board', cal.secret);
    expect(board.pages).toBe(2);
    const seqs = board.rows.map((r) => r[0]);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(REPLAY_PAGE_ROWS + 50);
    expect(board.doc.getMap(BOARD_DOC.elements).toJSON()).toEqual(elements.toJSON());
    const { body } = await get<ReplayInfo>(REPLAY_API.info(room.roomId, 1), cal.secret);
    expect(body.docs.board).toEqual({
      rows: REPLAY_PAGE_ROWS + 50,
      firstAt: 1000,
      lastAt: 1000 + REPLAY_PAGE_ROWS + 49,
    });
  });

  it("each round keeps its own board: round 1's drawing replays after a swap, round 2 starts blank", async () => {
    const room = await createRoom(t.server.url, { roundType: 'system-design', name: 'Ivy' });
    const ivySocket = t.control();
    await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
    const calSocket = t.control();
    const cal = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal' });
    const board = cal.documents.board;
    if (!board) throw new Error('the candidate has the board');
    const drawing = t.doc(board);
    drawing.doc.getMap(BOARD_DOC.elements).set('box', { id: 'box', type: 'rectangle', version: 1 });
    await eventually(async () => {
      await t.server.app.docs.flush(board.name);
      expect(await t.server.app.store.countUpdates(board.name)).toBe(1);
    });
    expect((await act(calSocket, ClientEvent.ProposeSwap)).ok).toBe(true);
    expect((await act(ivySocket, ClientEvent.RespondSwap, { accept: true })).ok).toBe(true);

    const first = await get<ReplayInfo>(REPLAY_API.info(room.roomId, 1), cal.secret);
    expect(first.body.docs.board?.rows).toBe(1);
    const rows = await get<ReplayRows>(REPLAY_API.rows(room.roomId, 1, 'board'), cal.secret);
    const replayed = new Y.Doc();
    for (const row of rows.body.rows) Y.applyUpdate(replayed, Buffer.from(row[3], 'base64'));
    expect(replayed.getMap(BOARD_DOC.elements).get('box')).toMatchObject({ type: 'rectangle' });
    const second = await get<ReplayInfo>(REPLAY_API.info(room.roomId, 2), cal.secret);
    expect(second.body.docs.board?.rows).toBe(0);
    // The new round's roles: Cal interviews round 2, so round 2's notes are Cal's, round 1's Ivy's.
    expect(Object.keys(second.body.docs).sort()).toEqual(['board', 'code', 'notes']);
    expect(Object.keys(first.body.docs).sort()).toEqual(['board', 'code']);
  });

  it('refuses strangers, unknown rounds and malformed ranges with a clear error', async () => {
    const { room, cal } = await interview();
    expect((await get(REPLAY_API.info(room.roomId, 1), null)).status).toBe(401);
    expect((await get(REPLAY_API.info(room.roomId, 1), 'not-a-secret')).status).toBe(401);
    const other = await createRoom(t.server.url, { roundType: 'coding', name: 'Oz' });
    expect((await get(REPLAY_API.info(room.roomId, 1), other.secret)).status).toBe(401);
    expect((await get(REPLAY_API.info(room.roomId, 7), cal.secret)).status).toBe(404);
    for (const path of [
      `/api/rooms/${room.roomId}/replay/1/brief`,
      `/api/rooms/${room.roomId}/replay/1/code?after=-1`,
      `/api/rooms/${room.roomId}/replay/1/code?after=1e400`,
      `/api/rooms/${room.roomId}/replay/1/code?after=abc`,
    ]) {
      const res = await get<{ error: { code: string; message: string } }>(path, cal.secret);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message).toMatch(/round number/);
    }
  });
});
