import { ClientEvent, type DocumentGrants, ServerEvent } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { openRawDoc } from './support/rawDocSocket.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();

/** Every `room:grants` a socket gets, in order. */
function collectGrants(socket: ControlSocket): DocumentGrants[] {
  const got: DocumentGrants[] = [];
  socket.on(ServerEvent.DocumentGrants, (grants) => got.push(grants));
  return got;
}

async function pair() {
  const created = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivy = t.control();
  const ivyJoin = await joinOk(ivy, {
    roomId: created.roomId,
    secret: created.secret,
    tab: 'ivy-tab-0123456789',
  });
  const ivyGrants = collectGrants(ivy);
  const cal = t.control();
  const calGrants = collectGrants(cal);
  const calJoin = await joinOk(cal, { roomId: created.roomId, name: 'Cal', tab: 'cal-tab-0123456789' });
  return { roomId: created.roomId, ivy, ivyJoin, ivyGrants, cal, calJoin, calGrants };
}

describe('documents pushed with the state that changes a seat (P-CTL-6)', () => {
  it('P-CTL-6: after round:next with swapped seats each socket gets the grants of its new seat, whose tokens open the new documents, with no join', async () => {
    const r = await pair();
    expect((await r.ivy.emitWithAck(ClientEvent.EndRound, {})).ok).toBe(true);
    const next = await r.ivy.emitWithAck(ClientEvent.NextRound, { roundType: 'coding', seats: 'swapped' });
    expect(next.ok).toBe(true);

    const cal = await eventually(() => {
      const last = r.calGrants.at(-1);
      expect(last?.round).toBe(2);
      return last as DocumentGrants;
    });
    const ivy = await eventually(() => {
      const last = r.ivyGrants.at(-1);
      expect(last?.round).toBe(2);
      return last as DocumentGrants;
    });
    expect(cal.role).toBe('interviewer');
    expect(ivy.role).toBe('candidate');
    // The new interviewer gets the round's private notes; the new candidate does not (P-PRIV-2).
    expect(cal.documents.notes).toBeDefined();
    expect(ivy.documents.notes).toBeUndefined();
    expect(cal.documents.code.name).not.toBe(r.calJoin.documents.code.name);
    // The pushed tokens open the round's documents as they are.
    const notes = await openRawDoc(
      t.server.wsUrl,
      cal.documents.notes as NonNullable<typeof cal.documents.notes>,
    );
    const code = await openRawDoc(t.server.wsUrl, ivy.documents.code);
    notes.ws.close();
    code.ws.close();
  });

  it('P-CTL-6: a join gets its documents in the ack and no push; a state that changes no seat pushes nothing', async () => {
    const r = await pair();
    // Presence changes the state but no round or seat: a broadcast with no grants.
    const states: number[] = [];
    r.cal.on(ServerEvent.RoomState, (room) => states.push(room.revision));
    expect((await r.ivy.emitWithAck(ClientEvent.Presence, { away: true })).ok).toBe(true);
    await eventually(() => expect(states.length).toBeGreaterThan(0));
    // A round trip on each socket after the broadcast: a push would have arrived before its answer.
    await r.cal.emitWithAck(ClientEvent.Presence, { away: false });
    await r.ivy.emitWithAck(ClientEvent.Presence, { away: false });
    expect(r.calGrants).toEqual([]);
    expect(r.ivyGrants).toEqual([]);
  });

  it('P-CTL-6: room:documents answers the round and seat its tokens are for', async () => {
    const r = await pair();
    const ack = await r.cal.emitWithAck(ClientEvent.RefreshDocuments, { tab: 'cal-tab-0123456789' });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.round).toBe(1);
    expect(ack.data.role).toBe('candidate');
    expect(ack.data.documents.code.clientId).toBe(r.calJoin.documents.code.clientId);
  });
});
