import {
  ClientEvent,
  type DocumentGrants,
  type JoinResult,
  type RoomState,
  type RoomSummary,
  ServerEvent,
} from '@mockloop/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionSender } from './ActionSender';
import { ControlClient, type ControlSocket } from './ControlClient';

type Handler = (...args: unknown[]) => void;

/** A control socket that records what the client emits and lets the test play the server. */
class FakeSocket {
  connected = false;
  readonly emitted: Array<{ event: string; payload: unknown }> = [];
  private readonly handlers = new Map<string, Handler[]>();
  /** How the "server" answers each acknowledged event. */
  answer: (event: string, payload: unknown) => unknown = () => ({ ok: true, data: null });

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  connect() {
    this.connected = true;
    this.fire('connect');
    return this;
  }
  disconnect() {
    this.connected = false;
    this.fire('disconnect');
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.emitted.push({ event, payload });
        return this.answer(event, payload);
      },
    };
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  count(event: string) {
    return this.emitted.filter((e) => e.event === event).length;
  }
}

const IVY = 'ivy-id';
const CAL = 'cal-id';

function state(round: number, interviewerId: string, revision: number, ended = false): RoomState {
  const candidateId = interviewerId === IVY ? CAL : IVY;
  const role = (id: string) => (id === interviewerId ? 'interviewer' : 'candidate');
  return {
    round: { number: round, interviewerId, candidateId, endedAt: ended ? 1 : null },
    participants: [IVY, CAL].map((id) => ({ id, role: role(id) })),
    revision,
    serverNow: 0,
  } as unknown as RoomState;
}

const access = (name: string) => ({ name, token: `t-${name}`, writable: true, clientId: 1, expiresAt: 0 });
const docs = (round: number): JoinResult['documents'] => ({ code: access(`room.code.${round}`) });

function joinResult(room: RoomState): JoinResult {
  return {
    self: { id: CAL, role: 'candidate' },
    secret: 'secret',
    room,
    documents: docs(room.round.number),
  } as unknown as JoinResult;
}

let socket: FakeSocket;
let client: ControlClient;

/** Starts a client on a fake socket; `fetchRoom` plays the summary request. */
function started(room: RoomState, fetchRoom = async (): Promise<RoomSummary | null> => summary) {
  socket = new FakeSocket();
  socket.answer = (event) =>
    event === ClientEvent.Join ? { ok: true, data: joinResult(room) } : { ok: true, data: null };
  client = new ControlClient({
    roomId: 'room',
    tab: 'tab',
    openSocket: () => socket as unknown as ControlSocket,
    fetchRoom,
    memory: {
      secret: () => 'secret',
      setSecret() {},
      forgetSecret() {},
      setName() {},
      setMatched() {},
      seen: () => [],
      markSeen() {},
    },
    onServerTime() {},
    onMatched() {},
  });
  client.start();
}

const summary = { roomId: 'room' } as unknown as RoomSummary;

async function joined(room = state(1, IVY, 1)) {
  started(room);
  await vi.waitFor(() => expect(client.snapshot.session.status).toBe('joined'));
}

const session = () => {
  const s = client.snapshot.session;
  if (s.status !== 'joined') throw new Error(`not joined: ${s.status}`);
  return s;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  client.stop();
  vi.useRealTimers();
});

describe('ControlClient (P-CTL-5, P-CTL-6)', () => {
  it('P-CTL-6: a swap followed by pushed grants needs no join and no room:documents', async () => {
    await joined();
    socket.fire(ServerEvent.RoomState, state(2, CAL, 2));
    const pushed: DocumentGrants = { round: 2, role: 'interviewer', documents: docs(2) };
    socket.fire(ServerEvent.DocumentGrants, pushed);
    vi.advanceTimersByTime(5000);
    expect(session().grants).toEqual(pushed);
    expect(socket.count(ClientEvent.Join)).toBe(1);
    expect(socket.count(ClientEvent.RefreshDocuments)).toBe(0);
  });

  it('P-CTL-6: with no push, the tab asks once with room:documents after the wait, and keeps the answer', async () => {
    await joined();
    const answer: DocumentGrants = { round: 2, role: 'interviewer', documents: docs(2) };
    socket.answer = (event) =>
      event === ClientEvent.RefreshDocuments ? { ok: true, data: answer } : { ok: true };
    socket.fire(ServerEvent.RoomState, state(2, CAL, 2));
    vi.advanceTimersByTime(1999);
    expect(socket.count(ClientEvent.RefreshDocuments)).toBe(0);
    vi.advanceTimersByTime(1);
    await vi.waitFor(() => expect(session().grants).toEqual(answer));
    expect(socket.count(ClientEvent.RefreshDocuments)).toBe(1);
    expect(socket.count(ClientEvent.Join)).toBe(1);
  });

  it('P-CTL-6: grants of a round or seat the newest state does not show are not kept', async () => {
    await joined();
    const before = session().grants;
    socket.fire(ServerEvent.DocumentGrants, { round: 2, role: 'interviewer', documents: docs(2) });
    expect(session().grants).toBe(before);
  });

  it('P-CTL-5: an older state never replaces a newer one, from a broadcast or a re-join ack', async () => {
    await joined(state(1, IVY, 5));
    socket.fire(ServerEvent.RoomState, state(1, IVY, 4, true));
    expect(session().room.revision).toBe(5);
    // A reconnect whose join ack was read before a broadcast that is already here.
    socket.answer = (event) =>
      event === ClientEvent.Join ? { ok: true, data: joinResult(state(1, IVY, 6)) } : { ok: true };
    socket.fire(ServerEvent.RoomState, state(1, IVY, 7, true));
    socket.disconnect();
    socket.connect();
    await vi.waitFor(() => expect(socket.count(ClientEvent.Join)).toBe(2));
    expect(session().room.revision).toBe(7);
  });
});

describe('ControlClient opening a room with a stored seat', () => {
  it('connects while the summary is on its way, then joins once', async () => {
    let answer: (value: RoomSummary | null) => void = () => {};
    started(state(1, IVY, 1), () => new Promise((resolve) => (answer = resolve)));
    expect(socket.connected).toBe(true);
    expect(socket.count(ClientEvent.Join)).toBe(0);
    answer(summary);
    await vi.waitFor(() => expect(client.snapshot.session.status).toBe('joined'));
    expect(socket.count(ClientEvent.Join)).toBe(1);
  });

  it('closes that socket without a join when the room does not exist', async () => {
    started(state(1, IVY, 1), async () => null);
    await vi.waitFor(() => expect(client.snapshot.session.status).toBe('not-found'));
    expect(socket.connected).toBe(false);
    expect(socket.count(ClientEvent.Join)).toBe(0);
  });
});

describe('ActionSender', () => {
  it('an action clicked while offline waits for the re-join and then goes', async () => {
    await joined();
    const sender = new ActionSender(client);
    socket.disconnect();
    const result = sender.send(ClientEvent.Timer, { action: 'pause' });
    await vi.waitFor(() => expect(sender.offline.waiting).toEqual(['the timer']));
    expect(socket.count(ClientEvent.Timer)).toBe(0);
    socket.connect();
    await expect(result).resolves.toBeNull();
    expect(socket.count(ClientEvent.Timer)).toBe(1);
    expect(sender.offline.waiting).toEqual([]);
  });

  it('an action of a round that is over by the re-join is not sent, and the room says why', async () => {
    await joined();
    const sender = new ActionSender(client);
    socket.disconnect();
    const result = sender.send(ClientEvent.RevealHint, {});
    socket.answer = (event) =>
      event === ClientEvent.Join ? { ok: true, data: joinResult(state(2, IVY, 3)) } : { ok: true };
    socket.connect();
    const reason = await result;
    expect(reason).toMatch(/round 1 was over/);
    expect(sender.offline.notSent).toEqual([reason]);
    expect(socket.count(ClientEvent.RevealHint)).toBe(0);
  });
});
