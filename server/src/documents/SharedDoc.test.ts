import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { FakeDocClient, flushAll } from '../../test/support/FakeDocClient.js';
import { MessageType } from './messageTypes.js';
import { AWARENESS_KEEPALIVE_MS, SharedDoc, updateFrame } from './SharedDoc.js';

const ann = { id: 'p-ann', name: 'Ann', role: 'interviewer', color: '#f97316' };
const bob = { id: 'p-bob', name: 'Bob', role: 'candidate', color: '#22c55e' };

afterEach(() => {
  vi.useRealTimers();
});

function open(shared: SharedDoc, ...users: (typeof ann)[]): FakeDocClient[] {
  const clients = users.map((user) => new FakeDocClient(shared, user));
  for (const client of clients) client.open();
  flushAll(clients);
  return clients;
}

const syncFrames = (frames: Uint8Array[]) => frames.filter((f) => f[0] === MessageType.Sync);
const awarenessFrames = (frames: Uint8Array[]) => frames.filter((f) => f[0] === MessageType.Awareness);

describe('SharedDoc', () => {
  it('P-DOC-5: relays an update as the very bytes its sender sent, to the others only', () => {
    const shared = new SharedDoc('room.code');
    const [a, b] = open(shared, ann, bob) as [FakeDocClient, FakeDocClient];
    a.doc.getText('code').insert(0, 'hello');
    const sent = a.toServer[0] as Uint8Array;
    a.deliverToServer();
    expect(syncFrames(a.toClient)).toHaveLength(0);
    expect(syncFrames(b.toClient)).toEqual([sent]);
    flushAll([a, b]);
    expect(b.text()).toBe('hello');
  });

  it('reports and relays only updates that change the document', () => {
    const shared = new SharedDoc('room.code');
    const stored: Uint8Array[] = [];
    shared.onUpdate = (update) => stored.push(update);
    const [a, b] = open(shared, ann, bob) as [FakeDocClient, FakeDocClient];
    a.doc.getText('code').insert(0, 'x');
    const frame = a.toServer[0] as Uint8Array;
    flushAll([a, b]);
    expect(stored).toHaveLength(1);
    // The same update again (a reconnecting client re-sending it) is news to nobody.
    b.toClient.length = 0;
    a.connection.receive(frame);
    expect(stored).toHaveLength(1);
    expect(syncFrames(b.toClient)).toHaveLength(0);
  });

  it('relays and reports an update whose dependency is missing, so peers converge once it arrives', () => {
    const shared = new SharedDoc('room.code');
    const stored: Uint8Array[] = [];
    shared.onUpdate = (update) => stored.push(update);
    const [a, b] = open(shared, ann, bob) as [FakeDocClient, FakeDocClient];
    // Two updates of one client, delivered out of order: the second waits for the first.
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('code').insert(0, 'ab');
    source.getText('code').insert(2, 'cd');
    const [first, second] = updates as [Uint8Array, Uint8Array];
    a.connection.receive(updateFrame(second));
    expect(stored).toHaveLength(1);
    a.connection.receive(updateFrame(first));
    expect(stored).toHaveLength(2);
    flushAll([a, b]);
    expect(shared.doc.getText('code').toString()).toBe('abcd');
    expect(b.text()).toBe('abcd');
    const restored = new Y.Doc();
    for (const update of stored) Y.applyUpdate(restored, update);
    expect(restored.getText('code').toString()).toBe('abcd');
  });

  it('relays and reports a change made on the server itself to every peer', () => {
    const shared = new SharedDoc('room.code');
    const stored: Uint8Array[] = [];
    shared.onUpdate = (update) => stored.push(update);
    const [a, b] = open(shared, ann, bob) as [FakeDocClient, FakeDocClient];
    shared.doc.getText('code').insert(0, 'starter');
    expect(stored).toHaveLength(1);
    flushAll([a, b]);
    expect(a.text()).toBe('starter');
    expect(b.text()).toBe('starter');
  });

  it('coalesces awareness: one frame per peer per batch, with each client latest state', () => {
    vi.useFakeTimers();
    const shared = new SharedDoc('room.code', { awarenessPace: { intervalMs: 50 } });
    const [a, b] = open(shared, ann, bob) as [FakeDocClient, FakeDocClient];
    vi.advanceTimersByTime(50);
    flushAll([a, b]);
    a.toClient.length = 0;
    b.toClient.length = 0;
    for (let i = 1; i <= 3; i++) {
      a.awareness.setLocalStateField('cursor', { at: i });
      b.awareness.setLocalStateField('cursor', { at: 10 * i });
      while (a.deliverToServer() || b.deliverToServer());
    }
    expect(awarenessFrames(b.toClient)).toHaveLength(0);
    vi.advanceTimersByTime(50);
    // Each peer gets one frame holding both clients' latest cursors (its own too, as both moved).
    expect(awarenessFrames(a.toClient)).toHaveLength(1);
    expect(awarenessFrames(b.toClient)).toHaveLength(1);
    flushAll([a, b]);
    const seenByB = b.awareness.getStates().get(a.doc.clientID) as { cursor: { at: number } };
    expect(seenByB.cursor.at).toBe(3);
    const seenByA = a.awareness.getStates().get(b.doc.clientID) as { cursor: { at: number } };
    expect(seenByA.cursor.at).toBe(30);
    shared.destroy();
  });

  it('P-DOC-5: sends a peer its own cursor back only when it has heard nothing for 10 s', () => {
    vi.useFakeTimers();
    const shared = new SharedDoc('room.code', { awarenessPace: { intervalMs: 50 } });
    const [a, b] = open(shared, ann, bob) as [FakeDocClient, FakeDocClient];
    vi.advanceTimersByTime(50);
    flushAll([a, b]);
    const moveA = (at: number) => {
      a.toClient.length = 0;
      b.toClient.length = 0;
      a.awareness.setLocalStateField('cursor', { at });
      while (a.deliverToServer());
      vi.advanceTimersByTime(50);
    };
    moveA(1);
    expect(awarenessFrames(b.toClient)).toHaveLength(1);
    expect(awarenessFrames(a.toClient)).toHaveLength(0);
    // Silent for 10 s, Ann would soon take the link for dead: her own cursor comes back.
    vi.advanceTimersByTime(AWARENESS_KEEPALIVE_MS);
    moveA(2);
    expect(awarenessFrames(a.toClient)).toHaveLength(1);
    expect(awarenessFrames(b.toClient)).toHaveLength(1);
    shared.destroy();
  });

  it("P-ID-3: drops another participant's echoed entry unread, even one that would not parse", () => {
    const shared = new SharedDoc('room.code');
    const [a, b] = open(shared, ann, bob) as [FakeDocClient, FakeDocClient];
    a.awareness.setLocalStateField('cursor', 1);
    flushAll([a, b]);
    const body = encoding.createEncoder();
    encoding.writeVarUint(body, 1);
    encoding.writeVarUint(body, a.doc.clientID); // Ann's id, sent by Bob
    encoding.writeVarUint(body, 99);
    encoding.writeVarString(body, '{not json');
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MessageType.Awareness);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(body));
    b.connection.receive(encoding.toUint8Array(frame));
    expect(b.closed).toBeNull();
    expect(shared.awareness.meta.get(a.doc.clientID)?.clock).not.toBe(99);
  });
});
