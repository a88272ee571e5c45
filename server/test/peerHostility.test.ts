import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type Ack,
  ClientEvent,
  CloseCode,
  DOC_PROTOCOL,
  DOC_TOKEN_PROTOCOL_PREFIX,
  type DocAccess,
  type DocumentGrants,
  type InterviewerBrief,
  type JoinResult,
  type LobbyMatch,
  ServerEvent,
} from '@mockloop/shared';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CANARY_BANK_DIR } from './fixtures/canary-bank/canaries.js';
import { type ControlSocket, connectControl, createRoom, joinOk, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { awarenessMessage, updateMessage } from './support/hostileUpdates.js';
import { openRawDoc } from './support/rawDocSocket.js';
import { startServerProcess } from './support/serverProcess.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer({ questionsDir: CANARY_BANK_DIR });

const act = (socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack<unknown>>)(event, payload);

async function pair() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivySocket = t.control();
  const ivy = await joinOk(ivySocket, { roomId: room.roomId, secret: room.secret });
  const calSocket = t.control();
  const cal = await joinOk(calSocket, { roomId: room.roomId, name: 'Cal' });
  return { room, ivySocket, ivy, calSocket, cal };
}

async function swap(ivySocket: ControlSocket, calSocket: ControlSocket) {
  expect((await act(calSocket, ClientEvent.ProposeSwap)).ok).toBe(true);
  expect((await act(ivySocket, ClientEvent.RespondSwap, { accept: true })).ok).toBe(true);
}

describe('seats are checked when data is sent, not when a socket joined', () => {
  it('P-PRIV-2: a dropped socket that reconnects across a swap receives no brief', async () => {
    const { room, ivySocket, calSocket } = await pair();
    // Ivy's second tab: the one whose connection drops.
    const dropped = t.control();
    await joinOk(dropped, { roomId: room.roomId, secret: room.secret });
    const seen: InterviewerBrief[] = [];
    dropped.on(ServerEvent.InterviewerBrief, (b) => seen.push(b));
    expect((await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-story' })).ok).toBe(true);
    await eventually(() => expect(seen.at(-1)?.round).toBe(1)); // Ivy's tabs do get round 1's brief
    dropped.io.opts.reconnection = false;
    dropped.io.engine.close();
    await eventually(() => expect(dropped.connected).toBe(false));

    await swap(ivySocket, calSocket);
    const calBriefs: InterviewerBrief[] = [];
    calSocket.on(ServerEvent.InterviewerBrief, (b) => calBriefs.push(b));
    // The dropped socket comes back without joining; then Cal picks and reveals round 2's question.
    dropped.connect();
    await eventually(() => expect(dropped.connected).toBe(true));
    expect(dropped.recovered).not.toBe(true); // no connection-state recovery: no old channels
    const before = seen.length;
    expect((await act(calSocket, ClientEvent.SelectQuestion, { questionId: 'canary-echo-length' })).ok).toBe(
      true,
    );
    expect((await act(calSocket, ClientEvent.RevealQuestion)).ok).toBe(true);
    await eventually(() => expect(calBriefs.some((b) => b.round === 2 && b.revealed)).toBe(true));
    expect(seen.length).toBe(before);
    expect(JSON.stringify(seen)).not.toContain('canary-echo-length');
  });

  it('P-ROUND-2: a document connection opened before a swap can no longer write the ended round', async () => {
    const { room, ivySocket, ivy, calSocket, cal } = await pair();
    const ivyCode = t.doc(ivy.documents.code);
    const calCode = await openRawDoc(t.server.wsUrl, cal.documents.code);
    ivyCode.text.insert(0, 'round one');
    await eventually(() => expect(ivyCode.provider.synced).toBe(true));
    const closedIvy = new Promise<number>((resolve) =>
      ivyCode.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    );
    await swap(ivySocket, calSocket);
    expect((await calCode.closed).code).toBe(CloseCode.SeatChanged);
    expect(await closedIvy).toBe(CloseCode.SeatChanged);
    // A connection that opens now with the old token gets a read-only seat: its write is dropped.
    const late = await openRawDoc(t.server.wsUrl, cal.documents.code);
    const doc = new Y.Doc();
    doc.clientID = cal.documents.code.clientId;
    let update: Uint8Array | undefined;
    doc.on('update', (u: Uint8Array) => {
      update = u;
    });
    doc.getText('code').insert(0, 'REWRITTEN ');
    late.send(updateMessage(update as Uint8Array));
    late.ws.close();
    await t.server.app.docs.flush();
    const stored = new Y.Doc();
    for (const row of await t.server.app.store.loadUpdates(cal.documents.code.name))
      Y.applyUpdate(stored, row.data);
    expect(stored.getText('code').toString()).toBe('round one');
    // Re-joining gives round 2's documents, where Cal now writes.
    const again = await joinOk(calSocket, { roomId: room.roomId, secret: cal.secret });
    expect(again.documents.code.name).toMatch(/\.code-2$/);
  });

  it('P-ROUND-3: feedback is final once submitted; a second submission is refused and changes nothing', async () => {
    const { room, ivySocket, calSocket, cal } = await pair();
    await act(ivySocket, ClientEvent.SelectQuestion, { questionId: 'canary-story' });
    await act(ivySocket, ClientEvent.RevealQuestion);
    expect((await act(calSocket, ClientEvent.EndRound)).ok).toBe(true);
    const ratings = ['star', 'impact', 'reflection'].map((criterionId) => ({
      criterionId,
      score: 2,
      comment: '',
    }));
    const self = { round: 1, ratings, interviewerClarity: 4, interviewerHelpfulness: 4, comment: 'first' };
    expect((await act(calSocket, ClientEvent.SubmitSelfAssessment, self)).ok).toBe(true);
    const scorecard = { round: 1, ratings, recommendation: 'yes', wentWell: 'clear', toImprove: 'pace' };
    expect((await act(ivySocket, ClientEvent.SubmitScorecard, scorecard)).ok).toBe(true);
    // Having read the scorecard, the candidate tries to raise their own scores.
    const rewrite = await act(calSocket, ClientEvent.SubmitSelfAssessment, {
      ...self,
      ratings: ratings.map((r) => ({ ...r, score: 4 })),
      comment: 'rewritten',
    });
    expect(rewrite).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await act(ivySocket, ClientEvent.SubmitScorecard, { ...scorecard, recommendation: 'strong-no' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const report = (await (
      await fetch(`${t.server.url}/api/rooms/${room.roomId}/report`, {
        headers: { authorization: `Bearer ${cal.secret}` },
      })
    ).json()) as {
      rounds: Array<{ selfAssessment: { comment: string }; scorecard: { recommendation: string } }>;
    };
    expect(report.rounds[0]?.selfAssessment.comment).toBe('first');
    expect(report.rounds[0]?.scorecard.recommendation).toBe('yes');
  });
});

describe('lobby', () => {
  it('P-LOBBY-1: one person entering twice, or from two tabs, is never paired with themself', async () => {
    const enter = (socket: ControlSocket, role: string, person?: string) =>
      act(socket, ClientEvent.LobbyEnter, {
        name: 'Dee',
        trackId: 'canary',
        roundType: 'coding',
        role,
        person,
      });
    const person = 'browser-of-dee-0001';
    const me = t.control();
    const matched: LobbyMatch[] = [];
    me.on(ServerEvent.LobbyMatched, (m) => matched.push(m));
    // A double click with "Either".
    const [first, second] = await Promise.all([enter(me, 'either', person), enter(me, 'either', person)]);
    expect(first.ok && second.ok).toBe(true);
    // A second tab of the same browser, and a socket without a person key entering twice.
    const tab = t.control();
    tab.on(ServerEvent.LobbyMatched, (m) => matched.push(m));
    expect(await enter(tab, 'either', person)).toMatchObject({
      ok: true,
      data: { state: 'waiting', waiting: 1 },
    });
    const anon = t.control();
    anon.on(ServerEvent.LobbyMatched, (m) => matched.push(m));
    const anonEntries = await Promise.all([enter(anon, 'candidate'), enter(anon, 'candidate')]);
    expect(anonEntries.every((a) => a.ok)).toBe(true);
    expect(
      matched.filter((m) => m.role === 'candidate' && m.partnerName === 'Dee').length,
    ).toBeLessThanOrEqual(1);
    // Dee (either) and the anonymous candidate are two people: they did pair, once.
    await eventually(() => expect(matched).toHaveLength(2));
    expect(matched.map((m) => m.role).sort()).toEqual(['candidate', 'interviewer']);
  });
});

describe('awareness ids belong to the tab the server gave them to', () => {
  let cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it("P-ID-3: after a restart, an observer who claims the interviewer's cursor id first cannot silence it", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-awareness-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess(dataDir);
    cleanup.push(() => server.dispose());
    const room = await createRoom(server.url, { roundType: 'coding', name: 'Ivy' });
    const sockets = [connectControl(server.url), connectControl(server.url), connectControl(server.url)];
    cleanup.push(() => {
      for (const s of sockets) s.disconnect();
    });
    const ivy = await joinOk(sockets[0] as ControlSocket, { roomId: room.roomId, secret: room.secret });
    const cal = await joinOk(sockets[1] as ControlSocket, { roomId: room.roomId, name: 'Cal' });
    const obi = await joinOk(sockets[2] as ControlSocket, { roomId: room.roomId, name: 'Obi' });
    await server.kill();
    await server.restart();
    // The observer is first back, speaking for the interviewer's client id.
    const eve = await openRawDoc(server.wsUrl, obi.documents.code);
    cleanup.push(() => eve.ws.close());
    eve.send(awarenessMessage(ivy.documents.code.clientId, 1_000, JSON.stringify({ cursor: 'silenced' })));
    const watcher = openDoc(server.wsUrl, cal.documents.code);
    const ivyDoc = openDoc(server.wsUrl, ivy.documents.code);
    cleanup.push(
      () => watcher.destroy(),
      () => ivyDoc.destroy(),
    );
    ivyDoc.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(ivy.documents.code.clientId)).toMatchObject({
        cursor: { anchor: 3 },
        user: { name: 'Ivy', role: 'interviewer' },
      }),
    );
    expect(eve.ws.readyState).toBe(WebSocket.OPEN); // an echo is dropped, not punished
  });
});

describe('document tokens (P-DOC-11)', () => {
  const short = withTestServer({ questionsDir: CANARY_BANK_DIR, docTokenTtlMs: 300 });

  it('travel as a subprotocol, expire, and are refreshed with the same client id', async () => {
    const room = await createRoom(short.server.url, { roundType: 'coding', name: 'Ivy' });
    const socket = short.control();
    const tab = 'tab-of-ivy-000001';
    const ivy = await joinOk(socket, { roomId: room.roomId, secret: room.secret, tab });
    const open = (access: DocAccess, protocols?: string[]) =>
      new Promise<{ status?: number; ws?: WebSocket }>((resolve) => {
        const ws = new WebSocket(`${short.server.wsUrl}/yjs/${access.name}`, protocols);
        ws.once('open', () => resolve({ ws }));
        ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
        ws.once('error', () => resolve({}));
      });
    const auth = (access: DocAccess) => [DOC_PROTOCOL, `${DOC_TOKEN_PROTOCOL_PREFIX}${access.token}`];
    const fresh = await open(ivy.documents.code, auth(ivy.documents.code));
    expect(fresh.ws?.protocol).toBe(DOC_PROTOCOL);
    fresh.ws?.close();
    // An older client (another protocol version) is told to reload.
    const old = await open(ivy.documents.code, [
      'mockloop-doc.0',
      `${DOC_TOKEN_PROTOCOL_PREFIX}${ivy.documents.code.token}`,
    ]);
    const code = await new Promise<number>((resolve) => old.ws?.once('close', (c) => resolve(c)));
    expect(code).toBe(CloseCode.ProtocolOutdated);
    // Once expired, the token opens nothing; a refresh gives a new one for the same client id.
    await eventually(async () =>
      expect((await open(ivy.documents.code, auth(ivy.documents.code))).status).toBe(401),
    );
    const refreshed = (await act(socket, ClientEvent.RefreshDocuments, { tab })) as Ack<DocumentGrants>;
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    const renewed = refreshed.data.documents.code;
    expect(renewed.clientId).toBe(ivy.documents.code.clientId);
    expect(renewed.expiresAt).toBeGreaterThan(ivy.documents.code.expiresAt);
    const reopened = await open(renewed, auth(renewed));
    expect(reopened.ws).toBeDefined();
    reopened.ws?.close();
  });

  it("another site cannot open either WebSocket plane through a visitor's browser", async () => {
    const room = await createRoom(short.server.url, { roundType: 'coding', name: 'Ivy' });
    const ivy = await joinOk(short.control(), { roomId: room.roomId, secret: room.secret });
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(
        `${short.server.wsUrl}/yjs/${ivy.documents.code.name}?token=${ivy.documents.code.token}`,
        {
          headers: { origin: 'https://evil.example' },
        },
      );
      ws.once('open', () => resolve(101));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode));
    });
    expect(status).toBe(403);
    const evil = io(short.server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin: 'https://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      evil.once('connect', () => resolve('connected'));
      evil.once('connect_error', () => resolve('refused'));
    });
    evil.disconnect();
    expect(outcome).toBe('refused');
    // The app's own origin is welcome.
    const own = io(short.server.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { origin: short.server.url },
    });
    await eventually(() => expect(own.connected).toBe(true));
    own.disconnect();
  });
});
