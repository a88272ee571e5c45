import { ClientEvent, CloseCode, CODE_DOC, type DocAccess, type JoinResult } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { withLimits } from '../src/config/Limits.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { updateMessage } from './support/hostileUpdates.js';
import { expectHealthy, openRawDoc, type RawDocSocket } from './support/rawDocSocket.js';
import { withTestServer } from './support/withTestServer.js';

const MiB = 1024 * 1024;
const t = withTestServer({
  limits: withLimits({
    history: { perDocumentBytes: 3 * MiB, perPersonBytes: 2 * MiB, perRoomBytes: 4 * MiB },
    roundsPerRoom: 3,
  }),
  docs: { unloadGraceMs: 50 },
});

type Ack = { ok: boolean; error?: { code: string; message: string } };
const act = (socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack>)(event, payload);

async function pair() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivySocket = t.control();
  const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const calSocket = t.control();
  const cal = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal' });
  return { room, ivySocket, ivy, calSocket, cal };
}

/** Another tab of the same person: the same seat, its own document client id. */
async function anotherTab(roomId: string, secret: string, n: number): Promise<JoinResult> {
  return joinOk(t.control(), { roomId, secret, tab: `history-tab-${n}-aaaaaaaaaa` });
}

/**
 * The attack from the issue: insert a large text and delete it again, over and over, so the
 * document stays empty while every step is kept as a row. Returns how each socket was closed.
 */
async function churn(accesses: DocAccess[], bytes: number, rounds: number) {
  const sockets: RawDocSocket[] = [];
  const closes: Array<{ code: number; reason: string } | null> = accesses.map(() => null);
  for (const [i, access] of accesses.entries()) {
    const socket = await openRawDoc(t.server.wsUrl, access);
    void socket.closed.then((close) => {
      closes[i] = close;
    });
    sockets.push(socket);
  }
  const docs = accesses.map((access) => {
    const doc = new Y.Doc();
    doc.clientID = access.clientId;
    return doc;
  });
  const big = 'x'.repeat(bytes);
  for (let step = 0; step < rounds && closes.some((c) => c === null); step++) {
    for (const [i, doc] of docs.entries()) {
      if (closes[i]) continue;
      const updates: Uint8Array[] = [];
      const keep = (u: Uint8Array) => updates.push(u);
      doc.on('update', keep);
      const text = doc.getText(CODE_DOC.text);
      text.insert(text.length, big);
      text.delete(0, text.length);
      doc.off('update', keep);
      for (const update of updates) sockets[i]?.send(updateMessage(update));
    }
    // Let the server take each round's frames before the next (its budget is per second).
    await expectHealthy(t.server.url);
  }
  await eventually(() => expect(closes.every((c) => c !== null)).toBe(true), 20_000);
  return closes as Array<{ code: number; reason: string }>;
}

describe('bounded history (P-DOC-13)', () => {
  it("P-DOC-13: typing and deleting 300 KB over and over from three tabs stops at the person's quota; the room stays readable and the other player writes on", async () => {
    const { room, ivy, cal } = await pair();
    const calTabs = [
      cal,
      await anotherTab(room.roomId, cal.secret, 1),
      await anotherTab(room.roomId, cal.secret, 2),
    ];
    const closes = await churn(
      calTabs.map((tab) => tab.documents.code),
      300 * 1024,
      40,
    );
    for (const close of closes) {
      expect(close.code).toBe(CloseCode.HistoryFull);
      expect(close.reason).toMatch(/you have stored 2 MiB of history in this room/);
    }
    // Counted across all his connections, and nothing past it stored (once the rows the server
    // holds to write in its next batch are in the store).
    await t.server.app.docs.flush();
    const usage = await t.server.app.store.historyUsage(room.roomId);
    expect(usage.authors.get(cal.self.id) ?? 0).toBeLessThanOrEqual(2 * MiB);
    expect(usage.authors.get(cal.self.id) ?? 0).toBeGreaterThan(1.5 * MiB);
    expect(usage.total).toBeLessThanOrEqual(2 * MiB);

    // Ivy still writes, and anyone may read: a fresh connection syncs what is stored.
    const ivyDoc = t.doc(ivy.documents.code);
    await eventually(() => expect(ivyDoc.provider.synced).toBe(true));
    ivyDoc.doc.getText(CODE_DOC.text).insert(0, 'still here ');
    const reader = t.doc(cal.documents.code);
    await eventually(() => expect(reader.doc.getText(CODE_DOC.text).toString()).toContain('still here'));
    // Cal's own reconnect reads too (its sync step carries no new content).
    expect(reader.provider.wsconnected).toBe(true);
  });

  it("P-DOC-13: the quota is counted from the store when the room is loaded again, and a document's own quota holds for everyone", async () => {
    const { room, ivy, cal } = await pair();
    // Cal reaches his quota; everything unloads; he comes back: still refused.
    await churn([cal.documents.code], 400 * 1024, 40);
    await eventually(() => expect(t.server.app.docs.hasRoom(room.roomId)).toBe(false));
    const [again] = await churn([cal.documents.code], 400 * 1024, 5);
    expect(again?.code).toBe(CloseCode.HistoryFull);
    // Ivy fills the rest of the document's 3 MiB: then it takes nothing more from anyone.
    const [ivyClose] = await churn([ivy.documents.code], 400 * 1024, 40);
    expect(ivyClose?.code).toBe(CloseCode.HistoryFull);
    expect(ivyClose?.reason).toMatch(/this document has stored 3 MiB|this room has stored 4 MiB/);
    await t.server.app.docs.flush();
    const usage = await t.server.app.store.historyUsage(room.roomId);
    expect(usage.docs.get(cal.documents.code.name) ?? 0).toBeLessThanOrEqual(3 * MiB);
    expect(usage.total).toBeLessThanOrEqual(4 * MiB);
    // The server kept answering everyone else all along.
    await expectHealthy(t.server.url);
  });
});

describe('rounds per room', () => {
  it('a room has at most ROUNDS_PER_ROOM rounds; the next is refused plainly', async () => {
    const { ivySocket, calSocket } = await pair();
    for (const expected of [2, 3]) {
      expect(await act(ivySocket, ClientEvent.EndRound)).toMatchObject({ ok: true });
      const next = await act(ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' });
      expect(next, `round ${expected}`).toMatchObject({ ok: true });
    }
    expect(await act(ivySocket, ClientEvent.EndRound)).toMatchObject({ ok: true });
    const refused = await act(ivySocket, ClientEvent.NextRound, { roundType: 'coding', seats: 'same' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(refused.error?.message).toMatch(/3 rounds, the most a room may/);
    const swap = await act(calSocket, ClientEvent.ProposeSwap);
    expect(swap).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

describe('a byte budget per person (P-DOC-9)', () => {
  const tight = withTestServer({
    limits: withLimits({ doc: { byteBurst: MiB, bytesPerSecond: 64 * 1024 } }),
  });

  it('P-DOC-9: bytes count per connection and per person: three tabs together send what one may', async () => {
    const room = await createRoom(tight.server.url, { roundType: 'coding', name: 'Ivy' });
    const ivy = await joinOk(tight.control(), { roomId: room.roomId, secret: room.secret });
    const tabs = [ivy];
    for (const n of [1, 2]) {
      tabs.push(
        await joinOk(tight.control(), {
          roomId: room.roomId,
          secret: ivy.secret,
          tab: `budget-tab-${n}-aaaaaaaaaa`,
        }),
      );
    }
    const sockets = await Promise.all(tabs.map((tab) => openRawDoc(tight.server.wsUrl, tab.documents.code)));
    const codes: number[] = [];
    for (const [i, socket] of sockets.entries()) {
      void socket.closed.then(({ code }) => codes.push(code));
      const doc = new Y.Doc();
      doc.clientID = tabs[i]?.documents.code.clientId ?? 0;
      doc.on('update', (u: Uint8Array) => socket.send(updateMessage(u)));
      // 450 KB each: any one tab is within its own 1 MiB, all three are not within the person's.
      doc.getText(CODE_DOC.text).insert(0, 'z'.repeat(450 * 1024));
    }
    await eventually(() => expect(codes).toContain(CloseCode.RateLimited));
    expect(codes.filter((c) => c === CloseCode.RateLimited)).toHaveLength(1);
  });
});
