import fs from 'node:fs';
import {
  BOARD_DOC,
  CloseCode,
  DOC_RULES,
  type JoinResult,
  MAX_DOC_MESSAGE_BYTES,
  seededRandom,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { forEachSeed, fuzzSeeds, fuzzTimeout } from '../../test-support/fuzz.js';
import { createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { hostileFrames, randomFrame, updateMessage } from './support/hostileUpdates.js';
import { expectHealthy, openRawDoc, type RawDocSocket } from './support/rawDocSocket.js';
import { withTestServer } from './support/withTestServer.js';

/** Seeds every run replays (some once found a problem); `npm run test:fuzz` adds fresh ones. */
const REGRESSION_SEEDS: number[] = JSON.parse(
  fs.readFileSync(new URL('./fixtures/hostile-seeds.json', import.meta.url), 'utf8'),
);

const t = withTestServer();

async function seatTwo(): Promise<{ interviewer: JoinResult; candidate: JoinResult }> {
  const room = await createRoom(t.server.url, { roundType: 'system-design', name: 'Ivy' });
  const interviewer = await joinOk(t.control(), { roomId: room.roomId, secret: room.secret });
  const candidate = await joinOk(t.control(), { roomId: room.roomId, name: 'Cal' });
  return { interviewer, candidate };
}

/** The candidate's editor and board with some content, synced. */
async function peerWithContent(candidate: JoinResult) {
  const code = t.doc(candidate.documents.code);
  const board = t.doc(candidate.documents.board as NonNullable<JoinResult['documents']['board']>);
  code.text.insert(0, 'def solve():\n    return 42\n');
  board.doc.getMap(BOARD_DOC.elements).set('box', { id: 'box', type: 'rectangle', x: 1, y: 2, version: 1 });
  await eventually(() => expect(code.provider.synced && board.provider.synced).toBe(true));
  await t.server.app.docs.flush();
  return { code, board };
}

/** Sends a frame, then asks for awareness: the answer (or a close) says the frame was handled. */
async function sendAndSettle(socket: RawDocSocket, frame: Uint8Array): Promise<boolean> {
  if (socket.ws.readyState !== socket.ws.OPEN) return false;
  const answered = new Promise<boolean>((resolve) => {
    socket.ws.once('message', () => resolve(true));
    void socket.closed.then(() => resolve(false));
  });
  socket.send(frame);
  socket.send(new Uint8Array([3]));
  return answered;
}

describe('hostile document frames through the real server', () => {
  it('P-DOC-4, P-DOC-7, P-DOC-8: every frame of the corpus is refused with a named code; the server stays up and the peer is untouched', async () => {
    const { interviewer, candidate } = await seatTwo();
    const peer = await peerWithContent(candidate);
    const before = {
      code: Y.encodeStateAsUpdate(peer.code.doc),
      board: Y.encodeStateAsUpdate(peer.board.doc),
    };
    const rows: string[] = [];
    for (const attack of hostileFrames(interviewer.documents.code.clientId)) {
      const access = interviewer.documents[attack.kind] ?? interviewer.documents.code;
      const socket = await openRawDoc(t.server.wsUrl, access);
      socket.send(attack.frame);
      // Asked while the frame is handled; its time under attack is `npm run bench:attack`'s.
      const health = expectHealthy(t.server.url);
      const closed = await socket.closed;
      expect(closed.code, attack.name).toBe(CloseCode.BadMessage);
      await health;
      rows.push(`${attack.name.padEnd(42)} ${closed.code}  ${closed.reason}`);
    }
    // A frame over the cap is cut by the WebSocket layer itself.
    const big = await openRawDoc(t.server.wsUrl, interviewer.documents.code);
    big.send(updateMessage(new Uint8Array(MAX_DOC_MESSAGE_BYTES + 1024)));
    expect((await big.closed).code).toBe(CloseCode.MessageTooBig);
    console.log(`attack corpus (close code, reason; /healthz answered each time):\n${rows.join('\n')}`);

    // The peer received nothing; the server's copies hold only the peer's content; a late joiner
    // sees exactly the peer's text (nothing half-applied).
    expect(Y.encodeStateAsUpdate(peer.code.doc)).toEqual(before.code);
    expect(Y.encodeStateAsUpdate(peer.board.doc)).toEqual(before.board);
    const late = t.doc(interviewer.documents.code);
    await eventually(() => expect(late.provider.synced).toBe(true));
    expect(late.text.toString()).toBe(peer.code.text.toString());
    for (const [kind, access] of [
      ['code', interviewer.documents.code],
      ['board', interviewer.documents.board],
    ] as const) {
      const shared = await t.server.app.docs.acquire(access?.name ?? '');
      for (const root of shared.doc.share.keys()) expect(Object.keys(DOC_RULES[kind].roots)).toContain(root);
      expect(shared.doc.getText('code').toString()).not.toContain('HALF-APPLIED');
      t.server.app.docs.release(access?.name ?? '', shared);
    }
    // And the peer still edits with everyone.
    peer.code.text.insert(0, '# still here\n');
    await eventually(() => expect(late.text.toString()).toContain('# still here'));
  });

  it('P-DOC-4, P-DOC-7: random and mutated frames from seeded generators never break the document or stop the server', {
    tags: ['fuzz'],
    timeout: fuzzTimeout(60_000),
  }, async () => {
    const { interviewer, candidate } = await seatTwo();
    const peer = await peerWithContent(candidate);
    const seeds = fuzzSeeds(REGRESSION_SEEDS, 100);
    let frames = 0;
    let refused = 0;
    await forEachSeed(seeds, 'server/test/fixtures/hostile-seeds.json', async (seed) => {
      const hint = `seed ${seed}`;
      const random = seededRandom(seed);
      let socket = await openRawDoc(t.server.wsUrl, interviewer.documents.code);
      for (let i = 0; i < 150; i++) {
        frames++;
        if (!(await sendAndSettle(socket, randomFrame(random)))) {
          refused++;
          socket = await openRawDoc(t.server.wsUrl, interviewer.documents.code);
        }
      }
      socket.ws.close();
      await expectHealthy(t.server.url);
      // Whatever got through was a valid update: the server's copy holds only the kind's roots,
      // the peer converges with it, and a fresh client loads the same.
      const shared = await t.server.app.docs.acquire(interviewer.documents.code.name);
      for (const root of shared.doc.share.keys())
        expect(Object.keys(DOC_RULES.code.roots), hint).toContain(root);
      await eventually(() =>
        expect(Y.encodeStateVector(peer.code.doc), hint).toEqual(Y.encodeStateVector(shared.doc)),
      );
      expect(peer.code.text.toString(), hint).toBe(shared.doc.getText('code').toString());
      t.server.app.docs.release(interviewer.documents.code.name, shared);
    });
    const late = t.doc(interviewer.documents.code);
    await eventually(() => expect(late.provider.synced).toBe(true));
    expect(late.text.toString()).toBe(peer.code.text.toString());
    console.log(
      `fuzz: ${frames} frames from ${seeds.length} seeds; ${refused} refused with a close, the rest applied or ignored`,
    );
  });

  it('P-DOC-7: a document that would pass its size limit refuses the update with DocumentTooLarge', async () => {
    const { interviewer, candidate } = await seatTwo();
    const peer = t.doc(candidate.documents.code);
    await eventually(() => expect(peer.provider.synced).toBe(true));
    const writer = await openRawDoc(t.server.wsUrl, interviewer.documents.code);
    const chunk = 900 * 1024;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i * chunk < DOC_RULES.code.maxBytes + chunk; i++)
      doc.getText('code').insert(0, 'x'.repeat(chunk));
    for (const update of updates) writer.send(updateMessage(update));
    const closed = await writer.closed;
    expect(closed.code).toBe(CloseCode.DocumentTooLarge);
    const shared = await t.server.app.docs.acquire(interviewer.documents.code.name);
    expect(Y.encodeStateAsUpdate(shared.doc).length).toBeLessThanOrEqual(DOC_RULES.code.maxBytes);
    t.server.app.docs.release(interviewer.documents.code.name, shared);
  });

  it('P-DOC-8: an observer whose awareness is nested too deep is cut; the players keep their cursors', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    const interviewer = await joinOk(t.control(), { roomId: room.roomId, secret: room.secret });
    await joinOk(t.control(), { roomId: room.roomId, name: 'Cal' });
    const observer = await joinOk(t.control(), { roomId: room.roomId, name: 'Obi' });
    const ivy = t.doc(interviewer.documents.code);
    const watcher = t.doc(observer.documents.code);
    ivy.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await eventually(() => expect(watcher.provider.awareness.getStates().has(ivy.doc.clientID)).toBe(true));
    const attack = hostileFrames(observer.documents.code.clientId).find(
      (f) => f.name === 'awareness state nested 400k deep',
    );
    const socket = await openRawDoc(t.server.wsUrl, observer.documents.code);
    socket.send(attack?.frame as Uint8Array);
    expect((await socket.closed).code).toBe(CloseCode.BadMessage);
    ivy.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(ivy.doc.clientID)).toMatchObject({
        cursor: { anchor: 2 },
      }),
    );
  });
});
