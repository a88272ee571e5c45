import {
  CloseCode,
  DOC_RULES,
  MAX_AWARENESS_DEPTH,
  MAX_AWARENESS_STATE_BYTES,
  seededRandom,
} from '@mockloop/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { forEachSeed, fuzzSeeds, fuzzTimeout } from '../../../test-support/fuzz.js';
import { FakeDocClient, flushAll } from '../../test/support/FakeDocClient.js';
import { awarenessMessage } from '../../test/support/hostileUpdates.js';
import { MessageType } from './messageTypes.js';
import { SharedDoc } from './SharedDoc.js';

/** A CPU-bound sweep: well under a second alone, a few on a busy 2-core machine. */
const SWEEP_BUDGET_MS = fuzzTimeout(15_000);

const ann = { id: 'p-ann', name: 'Ann', role: 'interviewer', color: '#f97316' };
const bob = { id: 'p-bob', name: 'Bob', role: 'candidate', color: '#22c55e' };
const eve = { id: 'p-eve', name: 'Eve', role: 'observer', color: '#3b82f6' };

/** The seeds `npm test` replays; `npm run test:fuzz` adds fresh ones. */
const PINNED_SEEDS = Array.from({ length: 60 }, (_, i) => 1 + i);

describe('DocConnection', () => {
  it('converges three clients under random edits and random delivery order (seeded)', {
    tags: ['fuzz'],
    timeout: SWEEP_BUDGET_MS,
  }, async () => {
    await forEachSeed(fuzzSeeds(PINNED_SEEDS, 2000), 'PINNED_SEEDS in DocConnection.test.ts', (seed) => {
      const random = seededRandom(seed);
      const shared = new SharedDoc('room.code');
      const clients = [ann, bob, { ...bob, id: 'p-cat', name: 'Cat' }].map(
        (u, i) => new FakeDocClient(shared, u, true, 1 + i + 3 * Math.floor(random() * 2 ** 20)),
      );
      for (const c of clients) c.open();
      for (let step = 0; step < 60; step++) {
        const client = clients[Math.floor(random() * clients.length)] as FakeDocClient;
        const roll = random();
        if (roll < 0.45) {
          const text = client.doc.getText('code');
          const at = Math.floor(random() * (text.length + 1));
          text.insert(at, String.fromCharCode(97 + Math.floor(random() * 26)));
        } else if (roll < 0.55) {
          const text = client.doc.getText('code');
          if (text.length > 0) text.delete(Math.floor(random() * text.length), 1);
        } else if (roll < 0.8) {
          client.deliverToServer();
        } else {
          client.deliverToClient();
        }
      }
      flushAll(clients);
      const expected = shared.doc.getText('code').toString();
      for (const c of clients) expect(c.text(), `seed ${seed}`).toBe(expected);
      for (const c of clients) c.close();
      shared.destroy();
    });
  });

  it('P-DOC-3: drops the writes of a read-only connection and keeps serving it', () => {
    const shared = new SharedDoc('room.code');
    const writer = new FakeDocClient(shared, ann);
    const observer = new FakeDocClient(shared, eve, false);
    writer.open();
    observer.open();
    writer.doc.getText('code').insert(0, 'print(1)');
    observer.doc.getText('code').insert(0, 'HACK ');
    flushAll([writer, observer]);
    expect(shared.doc.getText('code').toString()).toBe('print(1)');
    expect(writer.text()).toBe('print(1)');
    expect(observer.closed).toBeNull();
    // The observer still receives every later edit.
    writer.doc.getText('code').insert(8, '\n');
    flushAll([writer, observer]);
    expect(observer.text()).toContain('print(1)\n');
  });

  it('P-DOC-5: does not echo a document update to its sender', () => {
    const shared = new SharedDoc('room.code');
    const a = new FakeDocClient(shared, ann);
    const b = new FakeDocClient(shared, bob);
    a.open();
    b.open();
    flushAll([a, b]);
    a.doc.getText('code').insert(0, 'x');
    a.deliverToServer();
    const syncFrames = (frames: Uint8Array[]) => frames.filter((f) => f[0] === MessageType.Sync).length;
    expect(syncFrames(a.toClient)).toBe(0);
    expect(syncFrames(b.toClient)).toBe(1);
  });

  it('P-ID-3: stamps the server identity over whatever user a client claims, and drops echoes', () => {
    const shared = new SharedDoc('room.code');
    const a = new FakeDocClient(shared, ann);
    const b = new FakeDocClient(shared, bob);
    a.awareness.setLocalStateField('user', {
      name: 'The Real Interviewer',
      role: 'interviewer',
      color: 'red',
    });
    b.awareness.setLocalStateField('cursor', { at: 1 });
    a.open();
    b.open();
    flushAll([a, b]);
    const seenByB = b.awareness.getStates().get(a.doc.clientID) as { user: Record<string, string> };
    expect(seenByB.user).toEqual({
      id: 'p-ann',
      name: 'Ann',
      role: 'interviewer',
      color: '#f97316',
      colorLight: '#f9731633',
    });
    // b's client echoed a's state back; the server kept a's own, stamped state and b was not cut.
    expect(b.closed).toBeNull();
    expect((shared.awareness.getStates().get(a.doc.clientID) as { user: { name: string } }).user.name).toBe(
      'Ann',
    );
  });

  it('withdraws a connection cursor when it disposes', () => {
    const shared = new SharedDoc('room.code');
    const a = new FakeDocClient(shared, ann);
    const b = new FakeDocClient(shared, bob);
    a.awareness.setLocalStateField('cursor', 1);
    a.open();
    b.open();
    flushAll([a, b]);
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(true);
    a.connection.dispose();
    flushAll([b]);
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it('P-DOC-4, P-DOC-7: closes the connection with BadMessage on garbage, and the document is unharmed', () => {
    const shared = new SharedDoc('room.code', { rules: DOC_RULES.code });
    const a = new FakeDocClient(shared, ann);
    const b = new FakeDocClient(shared, bob);
    a.open();
    b.open();
    a.doc.getText('code').insert(0, 'safe');
    flushAll([a, b]);

    const garbage = encoding.createEncoder();
    encoding.writeVarUint(garbage, MessageType.Sync);
    encoding.writeVarUint(garbage, 2);
    encoding.writeVarUint8Array(garbage, new Uint8Array([255, 255, 255, 255, 1, 2, 3]));
    b.connection.receive(encoding.toUint8Array(garbage));
    expect(b.closed?.code).toBe(CloseCode.BadMessage);

    const c = new FakeDocClient(shared, { ...bob, id: 'p-c' });
    c.connection.receive(new Uint8Array([77]));
    expect(c.closed?.code).toBe(CloseCode.BadMessage);

    a.doc.getText('code').insert(4, '!');
    flushAll([a]);
    expect(shared.doc.getText('code').toString()).toBe('safe!');
    expect(a.closed).toBeNull();
  });

  it('P-DOC-7: an update that fails inside Yjs breaks the copy: its sender is cut, nothing more applies', () => {
    // Without rules the scan is skipped, so the garbage reaches Yjs (as a scan miss would).
    const shared = new SharedDoc('room.code');
    const broken: unknown[] = [];
    shared.onBroken = (err) => broken.push(err);
    const a = new FakeDocClient(shared, ann);
    const b = new FakeDocClient(shared, bob);
    a.open();
    b.open();
    flushAll([a, b]);
    const garbage = encoding.createEncoder();
    encoding.writeVarUint(garbage, MessageType.Sync);
    encoding.writeVarUint(garbage, 2);
    encoding.writeVarUint8Array(garbage, new Uint8Array([255, 255, 255, 255, 1, 2, 3]));
    b.connection.receive(encoding.toUint8Array(garbage));
    expect(b.closed?.code).toBe(CloseCode.BadMessage);
    expect(broken).toHaveLength(1);
    a.doc.getText('code').insert(0, 'after');
    a.deliverToServer();
    expect(a.closed?.code).toBe(CloseCode.DocumentReset);
    expect(shared.doc.getText('code').toString()).toBe('');
  });

  it('P-DOC-8: closes a connection whose awareness state is too large or too deep, parsing nothing', () => {
    const shared = new SharedDoc('room.code', { rules: DOC_RULES.code });
    for (const json of [
      JSON.stringify({ cursor: 'x'.repeat(MAX_AWARENESS_STATE_BYTES) }),
      `{"a":${'['.repeat(MAX_AWARENESS_DEPTH)}${']'.repeat(MAX_AWARENESS_DEPTH)}}`,
    ]) {
      const eve = new FakeDocClient(shared, { ...bob, id: 'p-eve' });
      eve.open();
      eve.connection.receive(awarenessMessage(eve.doc.clientID, 1, json));
      expect(eve.closed?.code).toBe(CloseCode.BadMessage);
    }
    expect(shared.awareness.getStates().size).toBe(0);
    // Just under both limits is fine.
    const fine = new FakeDocClient(shared, bob);
    fine.connection.receive(awarenessMessage(fine.doc.clientID, 1, JSON.stringify({ cursor: [[[1]]] })));
    expect(fine.closed).toBeNull();
    expect(shared.awareness.getStates().has(fine.doc.clientID)).toBe(true);
  });
});

describe('DocConnection on a copy that broke while it was opening', () => {
  it('P-DOC-7: is closed with DocumentReset instead of syncing with a copy nobody else uses', () => {
    for (const end of ['broken', 'destroyed'] as const) {
      const shared = new SharedDoc('room.code');
      if (end === 'broken') shared.broken = true;
      else shared.destroy();
      const late = new FakeDocClient(shared, bob);
      late.open();
      expect(late.closed?.code, end).toBe(CloseCode.DocumentReset);
      expect(shared.peers.size).toBe(0);
    }
  });
});
