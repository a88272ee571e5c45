import {
  BOARD_DOC,
  CloseCode,
  type DocAccess,
  FRAGMENT_MESSAGE,
  FRAGMENT_PIECE_BYTES,
  fragmentMessage,
  type JoinResult,
  MAX_DOC_MESSAGE_BYTES,
} from '@mockloop/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { withLimits } from '../src/config/Limits.js';
import { createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { updateMessage } from './support/hostileUpdates.js';
import { openRawDoc } from './support/rawDocSocket.js';
import { withTestServer } from './support/withTestServer.js';

const MiB = 1024 * 1024;
/** Small enough that two large messages at once pass it (the default is 64 MiB). */
const t = withTestServer({ limits: withLimits({ docAssemblyBytes: 5 * MiB }) });

async function seatTwo(): Promise<{ interviewer: JoinResult; candidate: JoinResult }> {
  const room = await createRoom(t.server.url, { roundType: 'system-design', name: 'Ivy' });
  const interviewer = await joinOk(t.control(), { roomId: room.roomId, secret: room.secret });
  const candidate = await joinOk(t.control(), { roomId: room.roomId, name: 'Cal' });
  return { interviewer, candidate };
}

const boardOf = (joined: JoinResult): DocAccess => joined.documents.board as DocAccess;

/** Freehand strokes of 60 points each (about 0.8 KB apiece) until the board holds `bytes`. */
function drawOffline(doc: Y.Doc, bytes: number): number {
  const elements = doc.getMap(BOARD_DOC.elements);
  let count = 0;
  while (Y.encodeStateAsUpdate(doc).length < bytes) {
    doc.transact(() => {
      for (let i = 0; i < 500; i++, count++) {
        const points = Array.from({ length: 60 }, (_, p) => [
          p * 1.5,
          Math.round(Math.sin(p + count) * 400) / 10,
        ]);
        elements.set(`stroke-${count}`, {
          id: `stroke-${count}`,
          type: 'freedraw',
          x: (count % 80) * 40,
          y: Math.floor(count / 80) * 40,
          version: 1,
          versionNonce: count,
          index: `a${count.toString(36)}`,
          isDeleted: false,
          points,
        });
      }
    });
  }
  return count;
}

/** A fragment frame, built by hand, for the hostile cases. */
function fragment(total: number, piece: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, FRAGMENT_MESSAGE);
  encoding.writeVarUint(encoder, total);
  encoding.writeVarUint8Array(encoder, piece);
  return encoding.toUint8Array(encoder);
}

describe('messages larger than a frame', () => {
  it('P-DOC-12: a 3 MB board drawn offline syncs whole, in fragments, to the peer and to a later visitor', async () => {
    const { interviewer, candidate } = await seatTwo();
    const ivy = t.doc(boardOf(interviewer), { fragments: true, connect: false });
    const count = drawOffline(ivy.doc, 3 * MiB);
    expect(Y.encodeStateAsUpdate(ivy.doc).length).toBeGreaterThan(3 * MiB);
    const cal = t.doc(boardOf(candidate));
    ivy.provider.connect();

    const elements = (client: { doc: Y.Doc }) => client.doc.getMap(BOARD_DOC.elements);
    await eventually(() => expect(elements(cal).size).toBe(count), 20_000);
    expect(elements(cal).toJSON()).toEqual(elements(ivy).toJSON());
    expect(ivy.provider.wsconnected).toBe(true);

    // Stored: a visitor after everyone left and the document was written gets all of it.
    ivy.destroy();
    cal.destroy();
    await t.server.app.docs.flush();
    const later = t.doc(boardOf(candidate));
    await eventually(() => expect(elements(later).size).toBe(count), 20_000);
  });

  it('P-DOC-4: the same board sent in one piece is cut at the frame cap (1009): why fragments exist', async () => {
    const { interviewer } = await seatTwo();
    const ivy = t.doc(boardOf(interviewer), { connect: false });
    drawOffline(ivy.doc, 1.5 * MiB);
    const closed = new Promise<number>((resolve) =>
      ivy.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    );
    ivy.provider.connect();
    expect(await closed).toBe(CloseCode.MessageTooBig);
  });

  it('P-DOC-12: malformed fragment sequences close the connection with 4400 and change nothing', async () => {
    const { interviewer, candidate } = await seatTwo();
    const cal = t.doc(boardOf(candidate));
    await eventually(() => expect(cal.provider.synced).toBe(true));
    const small = new Uint8Array(100).fill(7);
    const awareness = new Uint8Array([1, 0]);
    const cases: Array<{ name: string; frames: Uint8Array[] }> = [
      { name: 'a total over the board size (8 MiB)', frames: [fragment(9 * MiB, small)] },
      {
        name: 'fragments that disagree on the total',
        frames: [fragment(1000, small), fragment(2000, small)],
      },
      { name: 'a piece past the total', frames: [fragment(50, small)] },
      { name: 'an empty piece', frames: [fragment(1000, new Uint8Array(0))] },
      { name: 'another message between the fragments', frames: [fragment(1000, small), awareness] },
      {
        name: 'an awareness message in fragments',
        frames: fragmentMessage(new Uint8Array([1, ...new Uint8Array(300)]), 100),
      },
      { name: 'a fragment with trailing bytes', frames: [new Uint8Array([...fragment(1000, small), 9])] },
    ];
    for (const attack of cases) {
      const socket = await openRawDoc(t.server.wsUrl, boardOf(interviewer));
      for (const frame of attack.frames) socket.send(frame);
      expect((await socket.closed).code, attack.name).toBe(CloseCode.BadMessage);
    }
    expect(cal.doc.getMap(BOARD_DOC.elements).size).toBe(0);
    expect(cal.provider.wsconnected).toBe(true);
  });

  it('P-DOC-12: the bytes that arrived are held against one pool for the process; a closed connection frees its share', async () => {
    const { interviewer, candidate } = await seatTwo();
    const watcher = await joinOk(t.control(), { roomId: interviewer.room.roomId, name: 'Obs' });
    const obs = t.doc(boardOf(watcher));
    await eventually(() => expect(obs.provider.synced).toBe(true));
    const frames = await offlineBoardFrames(interviewer, 3 * MiB);

    // Cal sends 4 MiB of a 5 MiB message and stops: 4 of the pool's 5 MiB are held.
    const stalled = await openRawDoc(t.server.wsUrl, boardOf(candidate));
    const piece = new Uint8Array(FRAGMENT_PIECE_BYTES);
    for (let i = 0; i < 4; i++) stalled.send(fragment(5 * MiB, piece));
    await eventually(() => expect(assemblyHeld()).toBeGreaterThanOrEqual(4 * FRAGMENT_PIECE_BYTES));
    // Ivy's 3 MB message does not fit beside it: refused, try again later.
    const refused = await openRawDoc(t.server.wsUrl, boardOf(interviewer));
    for (const frame of frames.frames) refused.send(frame);
    expect((await refused.closed).code).toBe(CloseCode.RateLimited);

    // Once the stalled one is gone, the same message goes through whole.
    stalled.ws.close();
    await stalled.closed;
    await eventually(() => expect(assemblyHeld()).toBe(0));
    const sender = await openRawDoc(t.server.wsUrl, boardOf(interviewer));
    for (const frame of frames.frames) sender.send(frame);
    await eventually(() => expect(obs.doc.getMap(BOARD_DOC.elements).size).toBe(frames.count), 20_000);
    sender.ws.close();
  });

  it('P-DOC-12: a declared size holds nothing, and read-only connections hold nothing at all', async () => {
    const { interviewer } = await seatTwo();
    const roomId = interviewer.room.roomId;
    // Eight observers each declare an 8 MiB message and send one byte, then eight more bytes'
    // worth of whole pieces: none of it is held (the attack that kept a 64 MiB pool full).
    const observers = [];
    for (let i = 0; i < 8; i++) {
      const seat = await joinOk(t.control(), { roomId, name: `Obs${i}` });
      const socket = await openRawDoc(t.server.wsUrl, boardOf(seat));
      socket.send(fragment(8 * MiB, new Uint8Array(1)));
      for (let p = 0; p < 3; p++) socket.send(fragment(8 * MiB, new Uint8Array(FRAGMENT_PIECE_BYTES)));
      observers.push(socket);
    }
    const player = await openRawDoc(t.server.wsUrl, boardOf(interviewer));
    player.send(fragment(4 * MiB, new Uint8Array(1)));
    await eventually(() => expect(assemblyHeld()).toBe(1));
    player.ws.close();
    // The players' own large message still goes through at once.
    const { frames, count } = await offlineBoardFrames(interviewer, 3 * MiB);
    const watcher = t.doc(boardOf(interviewer));
    const sender = await openRawDoc(t.server.wsUrl, boardOf(interviewer));
    for (const frame of frames) sender.send(frame);
    await eventually(() => expect(watcher.doc.getMap(BOARD_DOC.elements).size).toBe(count), 20_000);
    for (const socket of observers) expect(socket.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('P-DOC-12: one message part way in per participant, whatever their connections', async () => {
    const { interviewer } = await seatTwo();
    const first = await openRawDoc(t.server.wsUrl, boardOf(interviewer));
    first.send(fragment(2 * MiB, new Uint8Array(1000)));
    await eventually(() => expect(assemblyHeld()).toBe(1000));
    const second = await openRawDoc(t.server.wsUrl, boardOf(interviewer));
    second.send(fragment(2 * MiB, new Uint8Array(1000)));
    const closed = await second.closed;
    expect(closed.code).toBe(CloseCode.RateLimited);
    expect(closed.reason).toMatch(/another large message/);
    expect(first.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('a message in fragments has a deadline', () => {
  const slow = withTestServer({
    limits: withLimits({ docAssemblyBytes: 5 * MiB, docAssemblyDeadlineMs: 400 }),
  });

  it('P-DOC-12: a message that does not finish in time is let go and its connection told to try again', async () => {
    const room = await createRoom(slow.server.url, { roundType: 'system-design', name: 'Ivy' });
    const ivy = await joinOk(slow.control(), { roomId: room.roomId, secret: room.secret });
    const socket = await openRawDoc(slow.server.wsUrl, boardOf(ivy));
    socket.send(fragment(3 * MiB, new Uint8Array(FRAGMENT_PIECE_BYTES)));
    const closed = await socket.closed;
    expect(closed.code).toBe(CloseCode.RateLimited);
    expect(closed.reason).toMatch(/took too long/);
    await eventually(() => expect(slow.server.app.yjs.assemblyBytesHeld).toBe(0));
  });
});

/** The process's pool: bytes held in messages part way in. */
function assemblyHeld(): number {
  return t.server.app.yjs.assemblyBytesHeld;
}

/** A board of about `bytes` drawn offline by the interviewer, as the fragments that carry it. */
async function offlineBoardFrames(interviewer: JoinResult, bytes: number) {
  const offline = new Y.Doc();
  offline.clientID = boardOf(interviewer).clientId;
  const count = drawOffline(offline, bytes);
  const frames = fragmentMessage(updateMessage(Y.encodeStateAsUpdate(offline)));
  expect(frames.length).toBeGreaterThan(2);
  expect(frames.every((frame) => frame.length <= MAX_DOC_MESSAGE_BYTES)).toBe(true);
  return { frames, count };
}
