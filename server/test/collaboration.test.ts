import { CloseCode, MAX_DOC_MESSAGE_BYTES, type RoomSummary } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { createRoom, join, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();
const control = t.control;
const doc = t.doc;
const rawDoc = t.rawDoc;

async function seatTwo() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const interviewer = await joinOk(control(), { roomId: room.roomId, secret: room.secret });
  const candidate = await joinOk(control(), { roomId: room.roomId, name: 'Cal' });
  return { room, interviewer, candidate };
}

describe('room collaboration over the real server', () => {
  it('two clients converge on concurrent edits', async () => {
    const { interviewer, candidate } = await seatTwo();
    expect(interviewer.self.role).toBe('interviewer');
    expect(candidate.self.role).toBe('candidate');
    const a = doc(interviewer.documents.code);
    const b = doc(candidate.documents.code);
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    for (let i = 0; i < 20; i++) {
      a.text.insert(0, 'a');
      b.text.insert(b.text.length, 'b');
    }
    await eventually(() => {
      expect(a.text.toString()).toBe(b.text.toString());
      expect(a.text.length).toBe(40);
    });
    // Peers see each other's cursor with the server-stamped identity.
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await eventually(() => {
      const state = b.provider.awareness.getStates().get(a.doc.clientID) as {
        user?: { name: string; role: string };
      };
      expect(state?.user).toMatchObject({ name: 'Ivy', role: 'interviewer' });
    });
  });

  it('P-DOC-3: a third person joins as Observer and the server drops their writes', async () => {
    const { room, interviewer } = await seatTwo();
    const observer = await joinOk(control(), { roomId: room.roomId, name: 'Obi' });
    expect(observer.self.role).toBe('observer');
    expect(observer.documents.code.writable).toBe(false);
    const a = doc(interviewer.documents.code);
    const o = doc(observer.documents.code);
    a.text.insert(0, 'def solve(): pass');
    await eventually(() => expect(o.text.toString()).toBe('def solve(): pass'));
    o.text.insert(0, 'HACKED ');
    a.text.insert(a.text.length, '\n# ok');
    await eventually(() => expect(o.text.toString()).toContain('# ok'));
    await t.server.app.docs.flush(interviewer.documents.code.name);
    const serverDoc = await t.server.app.docs.acquire(interviewer.documents.code.name);
    expect(serverDoc.doc.getText('code').toString()).toBe('def solve(): pass\n# ok');
    expect(a.text.toString()).not.toContain('HACKED');
    t.server.app.docs.release(interviewer.documents.code.name);
  });

  it('P-ID-2: a forged role in the join payload or handshake is ignored', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    const forged = await joinOk(control({ role: 'interviewer' }), {
      roomId: room.roomId,
      name: 'Mallory',
      role: 'interviewer',
      self: { role: 'interviewer' },
    });
    expect(forged.self.role).toBe('candidate');
    const again = await joinOk(control({ role: 'interviewer' }), {
      roomId: room.roomId,
      name: 'M2',
      role: 'interviewer',
    });
    expect(again.self.role).toBe('observer');
    const roles = again.room.participants.map((p) => p.role).sort();
    expect(roles).toEqual(['candidate', 'interviewer', 'observer']);
  });

  it('P-DOC-2: invalid, foreign and missing tokens are refused before the upgrade', async () => {
    const { interviewer } = await seatTwo();
    const other = await seatTwo();
    const { name, token } = interviewer.documents.code;
    expect((await rawDoc(`/yjs/${name}`)).status).toBe(401);
    expect((await rawDoc(`/yjs/${name}?token=garbage`)).status).toBe(401);
    expect((await rawDoc(`/yjs/${name}?token=${token.slice(0, -2)}xx`)).status).toBe(401);
    expect((await rawDoc(`/yjs/${other.interviewer.documents.code.name}?token=${token}`)).status).toBe(401);
    const ok = await rawDoc(`/yjs/${name}?token=${token}`);
    expect(ok.ws).toBeDefined();
    ok.ws?.close();
  });

  it('P-DOC-4: an oversized document message closes that connection only', async () => {
    const { interviewer, candidate } = await seatTwo();
    const b = doc(candidate.documents.code);
    await eventually(() => expect(b.provider.synced).toBe(true));
    const { ws } = await rawDoc(
      `/yjs/${interviewer.documents.code.name}?token=${interviewer.documents.code.token}`,
    );
    if (!ws) throw new Error('expected an open socket');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(new Uint8Array(MAX_DOC_MESSAGE_BYTES + 1));
    expect(await closed).toBe(CloseCode.MessageTooBig);
    // The room and the process are unharmed: the other client keeps editing.
    const c = doc(interviewer.documents.code);
    b.text.insert(0, 'still here');
    await eventually(() => expect(c.text.toString()).toBe('still here'));
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
  });

  it('P-DOC-4: a malformed document message closes that connection with BadMessage', async () => {
    const { interviewer } = await seatTwo();
    const { ws } = await rawDoc(
      `/yjs/${interviewer.documents.code.name}?token=${interviewer.documents.code.token}`,
    );
    if (!ws) throw new Error('expected an open socket');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(new Uint8Array([0, 2, 5, 255, 255, 255, 255, 255]));
    expect(await closed).toBe(CloseCode.BadMessage);
  });

  it('P-CTL-2: bad control payloads get an error ack and change nothing', async () => {
    const { room } = await seatTwo();
    const socket = control();
    const bad = [
      {},
      { roomId: 'short', name: 'x' },
      { roomId: room.roomId, name: '' },
      { roomId: room.roomId, name: 'x'.repeat(500) },
      { roomId: room.roomId, secret: 42 },
      'not an object',
      null,
    ];
    for (const payload of bad) {
      const ack = await join(socket, payload as Record<string, unknown>);
      expect(ack.ok, JSON.stringify(payload)).toBe(false);
      if (!ack.ok) expect(ack.error.code).toBe('BAD_REQUEST');
    }
    const unknown = await join(socket, { roomId: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Setting the language before joining is refused; after joining it works and is broadcast.
    const early = await socket.emitWithAck('room:set-language', { language: 'go' });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    const summary = (await (await fetch(`${t.server.url}/api/rooms/${room.roomId}`)).json()) as RoomSummary;
    expect(summary.openSeats).toEqual([]);
    expect(socket.connected).toBe(true);
  });

  it('language changes reach every participant', async () => {
    const { room, interviewer } = await seatTwo();
    void interviewer;
    const a = control();
    const b = control();
    await joinOk(a, { roomId: room.roomId, secret: room.secret });
    await joinOk(b, { roomId: room.roomId, name: 'Watcher' });
    const seen = new Promise<string>((resolve) =>
      b.on('room:state', (s) => s.language === 'go' && resolve(s.language)),
    );
    const ack = await a.emitWithAck('room:set-language', { language: 'go' });
    expect(ack.ok).toBe(true);
    expect(await seen).toBe('go');
    const bad = await a.emitWithAck('room:set-language', { language: 'cobol' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
