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
import { withLimits } from '../src/limits/Limits.js';
import { updateMessage } from '../src/testing/hostileUpdates.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { expectHealthy, openRawDoc } from './support/rawDocSocket.js';
import { withTestServer } from './support/withTestServer.js';

type Harness = ReturnType<typeof withTestServer>;

async function seatTwo(t: Harness, roundType = 'coding') {
  const room = await createRoom(t.server.url, { roundType, name: 'Ivy' });
  const interviewer = await joinOk(t.control(), { roomId: room.roomId, secret: room.secret });
  const candidate = await joinOk(t.control(), { roomId: room.roomId, name: 'Cal' });
  return { room, interviewer, candidate };
}

/** A second room whose two people type while another client floods: keystroke-to-peer times. */
async function wellBehavedRoom(t: Harness) {
  const { interviewer, candidate } = await seatTwo(t);
  const typist = t.doc(interviewer.documents.code);
  const reader = t.doc(candidate.documents.code);
  await eventually(() => expect(typist.provider.synced && reader.provider.synced).toBe(true));
  return {
    /** Types `count` characters one at a time, each after the last arrived; returns the latencies. */
    async type(count: number): Promise<number[]> {
      const latencies: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        typist.text.insert(typist.text.length, String(i % 10));
        await eventually(() => expect(reader.text.length).toBe(typist.text.length), 10_000, 1);
        latencies.push(performance.now() - started);
      }
      return latencies;
    },
  };
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
}

const emitRaw = (socket: ControlSocket, event: string, payload: unknown) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack<unknown>>)(event, payload);

describe('floods are cut off while other rooms keep working', () => {
  const t = withTestServer();

  it('P-CTL-4: a socket over its event budget gets RATE_LIMITED, then is disconnected', async () => {
    const { room } = await seatTwo(t);
    const flooder = t.control();
    await joinOk(flooder, { roomId: room.roomId, name: 'Flo' });
    const disconnected = new Promise<void>((resolve) => flooder.once('disconnect', () => resolve()));
    const quiet = await wellBehavedRoom(t);
    const acks: Array<Promise<Ack<unknown>>> = [];
    for (let i = 0; i < 20_000 && flooder.connected; i++) {
      acks.push(
        emitRaw(flooder.timeout(5000), ClientEvent.Presence, { away: i % 2 === 0 }).catch(() => fail()),
      );
    }
    const latencies = await quiet.type(30);
    await disconnected;
    const answers = await Promise.all(acks);
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length;
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(45);
    expect(limited).toBeGreaterThan(0);
    console.log(
      `control flood: ${acks.length} events sent, ${answers.filter((a) => a.ok).length} accepted, ${limited} RATE_LIMITED, then disconnected; quiet room keystrokes ${summary(latencies)}`,
    );
  });

  it('P-DOC-9: a document connection over its message budget is closed with RateLimited', async () => {
    const { interviewer } = await seatTwo(t);
    const quiet = await wellBehavedRoom(t);
    const flooder = await openRawDoc(t.server.wsUrl, interviewer.documents.code);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5000; i++) doc.getText('code').insert(i, 'x');
    for (const update of updates) flooder.send(updateMessage(update));
    const latencies = await quiet.type(30);
    expect((await flooder.closed).code).toBe(CloseCode.RateLimited);
    console.log(
      `document flood: 5,000 updates in a burst, closed 4529; quiet room keystrokes ${summary(latencies)}`,
    );
  });

  it('P-CTL-3, P-CTL-5: room state broadcasts are coalesced, not one per event, and carry growing revisions', async () => {
    const { interviewer, candidate, room } = await seatTwo(t);
    const ivy = t.control();
    await joinOk(ivy, { roomId: room.roomId, secret: (interviewer as JoinResult).secret });
    const watcher = t.control();
    await joinOk(watcher, { roomId: room.roomId, secret: candidate.secret });
    // Only the burst's broadcasts count: the joins' own can still be arriving.
    const before = (await t.server.app.store.getRoom(room.roomId))?.revision ?? 0;
    let states = 0;
    const revisions: number[] = [];
    watcher.on(ServerEvent.RoomState, (state) => {
      if (state.revision > before) states++;
      revisions.push(state.revision);
    });
    const commands: TimerCommand[] = Array.from({ length: 30 }, (_, i) =>
      i % 2 ? { action: 'pause' } : { action: 'start' },
    );
    const started = performance.now();
    await Promise.all(commands.map((command) => emitRaw(ivy, ClientEvent.Timer, command)));
    const elapsed = performance.now() - started;
    // At most one broadcast per 50 ms window (the burst's acks wait for the one that includes them).
    // (Not "fewer than the commands": on a loaded machine with PostgreSQL each write can take more
    // than a window, and then one broadcast per command is what the rule allows.)
    expect(states).toBeGreaterThan(0);
    // Windows the burst touches, plus one trailing broadcast for a write that landed after the
    // last ack's broadcast was read (seen once in CI: 9 against a bound of 8 without it).
    expect(states).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 2);
    // Every change bumps the revision; a later broadcast never carries an older one.
    await eventually(async () => {
      const now = (await t.server.app.store.getRoom(room.roomId))?.revision;
      expect(revisions.at(-1)).toBe(now);
    });
    expect(revisions.every((r, i) => i === 0 || r >= (revisions[i - 1] ?? 0))).toBe(true);
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
