import net from 'node:net';
import {
  type Ack,
  ClientEvent,
  CloseCode,
  type JoinResult,
  ServerEvent,
  type TimerCommand,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { withLimits } from '../src/config/Limits.js';
import type { RoomService } from '../src/rooms/RoomService.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { updateMessage } from './support/hostileUpdates.js';
import { expectHealthy, openRawDoc } from './support/rawDocSocket.js';
import { withTestServer } from './support/withTestServer.js';

type Harness = ReturnType<typeof withTestServer>;

async function seatTwo(t: Harness, roundType = 'coding') {
  const room = await createRoom(t.server.url, { roundType, name: 'Ivy' });
  const interviewer = await joinOk(t.control(), { roomId: room.roomId, secret: room.secret });
  const candidate = await joinOk(t.control(), { roomId: room.roomId, name: 'Cal' });
  return { room, interviewer, candidate };
}

/** A second room whose two people type while another client floods the server. */
async function quietRoom(t: Harness) {
  const { interviewer, candidate } = await seatTwo(t);
  const typist = t.doc(interviewer.documents.code);
  const reader = t.doc(candidate.documents.code);
  await eventually(() => expect(typist.provider.synced && reader.provider.synced).toBe(true));
  return {
    /** Types one character; resolves once the other person has it. */
    async keystroke(): Promise<void> {
      typist.text.insert(typist.text.length, String(typist.text.length % 10));
      await eventually(() => expect(reader.text.toString()).toBe(typist.text.toString()));
    },
  };
}

/**
 * A flood that goes on for as long as the test needs: `round` (one flooding client, until the
 * server cuts it off) again and again until `stop()`, which rethrows a round's failure.
 */
function keepFlooding(round: () => Promise<void>) {
  let stopping = false;
  let rounds = 0;
  let failure: unknown = null;
  const running = (async () => {
    while (!stopping) {
      await round();
      rounds++;
    }
  })().catch((err: unknown) => {
    failure = err ?? new Error('a flood round failed');
  });
  return {
    /** Rounds the server has cut off so far (throws if one failed). */
    get rounds(): number {
      if (failure) throw failure;
      return rounds;
    },
    async stop(): Promise<void> {
      stopping = true;
      await running;
      if (failure) throw failure;
    },
  };
}

/**
 * The quiet room's keystrokes reach the other person while the flood runs: the server has cut
 * off flooders before the first keystroke and cuts off more after the last one arrived.
 */
async function syncsThroughFlood(
  quiet: Awaited<ReturnType<typeof quietRoom>>,
  flood: ReturnType<typeof keepFlooding>,
) {
  await eventually(() => expect(flood.rounds).toBeGreaterThan(0), 20_000);
  for (let i = 0; i < 5; i++) await quiet.keystroke();
  const cutBeforeLastArrived = flood.rounds;
  await eventually(() => expect(flood.rounds).toBeGreaterThan(cutBeforeLastArrived), 20_000);
  await flood.stop();
  console.log(`${flood.rounds} flooders cut off while 5 keystrokes in another room reached its peer`);
}

const emitRaw = (socket: ControlSocket, event: string, payload: unknown) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack<unknown>>)(event, payload);

/** Sends an event and calls `answered` as the acknowledgement is read, in order with other events. */
const emitWithCallback = (
  socket: ControlSocket,
  event: string,
  payload: unknown,
  answered: (a: Ack<unknown>) => void,
) =>
  (socket.emit as (e: string, p: unknown, ack: (a: Ack<unknown>) => void) => void)(event, payload, answered);

/**
 * Holds the server's reads of one participant (the first step of each of their control events)
 * until `count` have arrived, then lets them all go in the same turn of the event loop: `count`
 * events that arrive at once, however slow the machine.
 */
function holdEvents(rooms: RoomService, participantId: string, count: number): () => void {
  const original = rooms.participant;
  let arrived = 0;
  let letGo = () => {};
  const gate = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  rooms.participant = async (id: string) => {
    const found = await original.call(rooms, id);
    if (id === participantId && arrived < count) {
      arrived += 1;
      if (arrived === count) letGo();
      await gate;
    }
    return found;
  };
  return () => {
    rooms.participant = original;
  };
}

describe('floods are cut off while other rooms keep working', () => {
  const t = withTestServer();

  it('P-CTL-4: a socket over its event budget gets RATE_LIMITED, then is disconnected; another room syncs all the while', async () => {
    const { room } = await seatTwo(t);
    const flo = await joinOk(t.control(), { roomId: room.roomId, name: 'Flo' });
    const quiet = await quietRoom(t);
    // Each round a new socket of Flo's (her join is one event of its budget) sends 200 events.
    const flood = keepFlooding(async () => {
      const flooder = t.control();
      await joinOk(flooder, { roomId: room.roomId, secret: flo.secret });
      const disconnected = new Promise<void>((resolve) => flooder.once('disconnect', () => resolve()));
      const acks = Array.from({ length: 200 }, (_, i) =>
        emitRaw(flooder.timeout(10_000), ClientEvent.Presence, { away: i % 2 === 0 }).catch(() => fail()),
      );
      await disconnected;
      const answers = await Promise.all(acks);
      // The 39 events the budget holds after the join are not refused (their answers, which wait
      // for the room's broadcast, may be cut off with the socket); past them, RATE_LIMITED, and
      // the 20th refusal disconnects it.
      const refused = answers.flatMap((a, i) => (!a.ok && a.error.code === 'RATE_LIMITED' ? [i] : []));
      expect(refused[0]).toBeGreaterThanOrEqual(39);
      expect(refused).toHaveLength(20);
      expect(
        answers.filter((a) => !a.ok && a.error.code !== 'RATE_LIMITED' && a.error.message !== 'no answer'),
      ).toEqual([]);
    });
    await syncsThroughFlood(quiet, flood);
  });

  it('P-DOC-9: a document connection over its message budget is closed with RateLimited; another room syncs all the while', async () => {
    const { interviewer } = await seatTwo(t);
    const quiet = await quietRoom(t);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5000; i++) doc.getText('code').insert(i, 'x');
    // Each round a new connection sends the 5,000 updates in a burst.
    const flood = keepFlooding(async () => {
      const flooder = await openRawDoc(t.server.wsUrl, interviewer.documents.code);
      for (const update of updates) flooder.send(updateMessage(update));
      expect((await flooder.closed).code).toBe(CloseCode.RateLimited);
    });
    await syncsThroughFlood(quiet, flood);
  });

  it('P-CTL-3: events that arrive together get one broadcast, and each acknowledgement follows it', async () => {
    const { room, candidate } = await seatTwo(t);
    const ivy = t.control();
    const self = (await joinOk(ivy, { roomId: room.roomId, secret: room.secret })).self;
    const watcher = t.control();
    await joinOk(watcher, { roomId: room.roomId, secret: candidate.secret });
    const release = holdEvents(t.server.app.rooms, self.id, 30);
    // What Ivy's socket reads, in order: room states (is Ivy away in it?) and acknowledgements.
    const read: string[] = [];
    ivy.on(ServerEvent.RoomState, (state) => {
      read.push(state.participants.find((p) => p.id === self.id)?.away ? 'state: away' : 'state');
    });
    const answers = await Promise.all(
      Array.from(
        { length: 30 },
        () =>
          new Promise<Ack<unknown>>((resolve) =>
            emitWithCallback(ivy, ClientEvent.Presence, { away: true }, (ack) => {
              read.push('ack');
              resolve(ack);
            }),
          ),
      ),
    );
    release();
    expect(answers.every((a) => a.ok)).toBe(true);
    // One broadcast answered all 30: it came before the first acknowledgement, none between them.
    const first = read.indexOf('ack');
    expect(read.slice(first, first + 30)).toEqual(Array(30).fill('ack'));
    expect(read[first - 1]).toBe('state: away');
  });

  it('P-CTL-3, P-CTL-5: after a burst of changes the last acknowledgement finds the final revision shown; a client never shows an older one', async () => {
    const { interviewer, candidate, room } = await seatTwo(t);
    const ivy = t.control();
    await joinOk(ivy, { roomId: room.roomId, secret: (interviewer as JoinResult).secret });
    const watcher = t.control();
    await joinOk(watcher, { roomId: room.roomId, secret: candidate.secret });
    // The client's rule: a state with a lower revision than the one shown is dropped. (Two
    // broadcasts can arrive out of order when the first took longer to read than the window.)
    const shown = { ivy: 0, watcher: 0 };
    ivy.on(ServerEvent.RoomState, (state) => {
      shown.ivy = Math.max(shown.ivy, state.revision);
    });
    watcher.on(ServerEvent.RoomState, (state) => {
      shown.watcher = Math.max(shown.watcher, state.revision);
    });
    const commands: TimerCommand[] = Array.from({ length: 30 }, (_, i) =>
      i % 2 ? { action: 'pause' } : { action: 'start' },
    );
    /** The revision Ivy showed when each successful acknowledgement came. */
    const shownAtOk: number[] = [];
    const answers = await Promise.all(
      commands.map(
        (command) =>
          new Promise<Ack<unknown>>((resolve) =>
            emitWithCallback(ivy, ClientEvent.Timer, command, (ack) => {
              if (ack.ok) shownAtOk.push(shown.ivy);
              resolve(ack);
            }),
          ),
      ),
    );
    // Thirty writers on one room: a command that lost the race for the revision too many times is
    // refused as busy and changes nothing; that is the only refusal.
    const refusals = answers.flatMap((a) => (a.ok ? [] : [a.error.message]));
    expect(refusals.filter((m) => m !== 'The room is busy; try again.')).toEqual([]);
    expect(shownAtOk.length).toBeGreaterThan(0);
    // Every command that succeeded had written by the last success, and each success came after the
    // broadcast that includes its change: the last write's broadcast, with the final revision, was in.
    const final = (await t.server.app.store.getRoom(room.roomId))?.revision ?? 0;
    expect(shownAtOk.at(-1)).toBe(final);
    await eventually(() => expect(shown.watcher).toBe(final));
  });

  it('P-CTL-1: Socket.IO refuses the long-polling transport', async () => {
    const res = await fetch(`${t.server.url}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(400);
  });
});

describe('per-address limits', () => {
  const t = withTestServer({ limits: withLimits({ roomsPerIpPerHour: 5, lobbyEntriesPerIpPerHour: 3 }) });

  it('P-ROOM-4: room creation over HTTP is limited per address, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) await createRoom(t.server.url);
    const res = await fetch(`${t.server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roundType: 'coding' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('P-LOBBY-3: lobby entries are limited per address', async () => {
    const socket = t.control();
    const enter = () =>
      emitRaw(socket, ClientEvent.LobbyEnter, {
        name: 'Lee',
        trackId: 'netflix-mle',
        roundType: 'coding',
        role: 'candidate',
      });
    for (let i = 0; i < 3; i++) expect((await enter()).ok).toBe(true);
    const refused = await enter();
    expect(refused.ok ? null : refused.error.code).toBe('RATE_LIMITED');
  });
});

describe('connections that never do anything', () => {
  const t = withTestServer({
    limits: withLimits({ joinTimeoutMs: 300, connectionsPerIp: 600, headersTimeoutMs: 500 }),
    // Loopback is not a trusted proxy here, so these tests' own connections are counted.
    trustProxy: 'none',
  });

  it('P-CTL-4: sockets that neither join nor enter the lobby are closed; a joined one stays', async () => {
    const idle = Array.from({ length: 50 }, () => t.control());
    const { room } = await seatTwo(t);
    const member = t.control();
    await joinOk(member, { roomId: room.roomId, name: 'Mia' });
    await eventually(() => expect(idle.every((s) => !s.connected && !s.active)).toBe(true));
    expect(member.connected).toBe(true);
  });

  it('P-CONN-1: drops 500 half-open HTTP requests after the headers timeout while serving others', async () => {
    const { port } = t.server.app.server.address() as net.AddressInfo;
    const address = { port, host: '127.0.0.1' };
    const closed = Array.from(
      { length: 500 },
      () =>
        new Promise<void>((resolve) => {
          const socket = net.connect(address, () => {
            socket.write('GET /api/questions HTTP/1.1\r\nHost: x\r\nX-Slow: ');
          });
          socket.on('error', () => {});
          socket.resume(); // read the 408, so the close that follows is seen
          socket.once('close', () => resolve());
        }),
    );
    await expectHealthy(t.server.url);
    await Promise.all(closed);
  });
});

describe('connections per address', () => {
  const t = withTestServer({ limits: withLimits({ connectionsPerIp: 10 }), trustProxy: 'none' });

  it('P-CONN-1: refuses connections past the per-address cap, and serves again once they close', async () => {
    const { port } = t.server.app.server.address() as net.AddressInfo;
    const address = { port, host: '127.0.0.1' };
    const open = await Promise.all(
      Array.from(
        { length: 10 },
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(address, () => resolve(socket));
          }),
      ),
    );
    const extra = net.connect(address);
    const refused = await new Promise<boolean>((resolve) => {
      extra.once('close', () => resolve(true));
      extra.once('data', () => resolve(false));
      extra.on('error', () => {});
      extra.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    expect(refused).toBe(true);
    for (const socket of open) socket.destroy();
    await eventually(() => expectHealthy(t.server.url));
  });
});

function fail(): Ack<unknown> {
  return { ok: false, error: { code: 'INTERNAL', message: 'no answer' } };
}
