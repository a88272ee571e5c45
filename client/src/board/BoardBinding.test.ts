import { type Random, seededRandom } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { forEachSeed, fuzzSeeds, fuzzTimeout } from '../../../test-support/fuzz.js';
import { BoardBinding, byIndex, wins } from './BoardBinding';
import { keyBetween, type ModelElement, SceneModel } from './sceneModel';

/** A CPU-bound sweep: well under a second alone, a few on a busy 2-core machine. */
const SWEEP_BUDGET_MS = fuzzTimeout(15_000);

/** A timer queue the test runs by hand: the binding's throttle fires when the test says so. */
class ManualTimers {
  private readonly queue = new Map<number, () => void>();
  private next = 1;
  set = (run: () => void) => {
    const id = this.next++;
    this.queue.set(id, run);
    return id;
  };
  clear = (handle: unknown) => {
    this.queue.delete(handle as number);
  };
  runAll(): boolean {
    const pending = [...this.queue.values()];
    this.queue.clear();
    for (const run of pending) run();
    return pending.length > 0;
  }
}

/** One person: a Y.Doc, the model of their editor, the binding between them, and their timers. */
interface Peer {
  doc: Y.Doc;
  map: Y.Map<ModelElement>;
  scene: SceneModel;
  binding: BoardBinding<ModelElement>;
  timers: ManualTimers;
  /** Updates this peer produced that each other peer has not received yet, in order. */
  outbox: Map<Peer, Uint8Array[]>;
  /** Every element version the binding wrote into this peer's document. */
  written: ModelElement[];
}

const REMOTE = Symbol('network');

function makePeers(count: number, random: Random): Peer[] {
  const peers: Peer[] = [];
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    // Yjs breaks ties between concurrent entries by client id: from the seed, distinct, so a
    // seed always replays the same run.
    doc.clientID = 1 + i + count * Math.floor(random() * 2 ** 20);
    const map = doc.getMap<ModelElement>('elements');
    const scene = new SceneModel(`p${i}`, random);
    const timers = new ManualTimers();
    const binding = new BoardBinding(map, scene, { setTimer: timers.set, clearTimer: timers.clear });
    const peer: Peer = { doc, map, scene, binding, timers, outbox: new Map(), written: [] };
    map.observe((event, transaction) => {
      if (transaction.origin !== binding.origin) return;
      for (const id of event.keysChanged) {
        const value = map.get(id);
        if (value) peer.written.push({ ...value });
      }
    });
    peers.push(peer);
  }
  for (const peer of peers) {
    for (const other of peers) if (other !== peer) peer.outbox.set(other, []);
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return; // relayed by the server, never echoed back
      for (const queue of peer.outbox.values()) queue.push(update);
    });
  }
  return peers;
}

/** Delivers up to `limit` queued updates from one peer to another, in order (a WebSocket). */
function deliver(from: Peer, to: Peer, limit = Number.POSITIVE_INFINITY): void {
  const queue = from.outbox.get(to) ?? [];
  for (const update of queue.splice(0, Math.min(limit, queue.length))) {
    Y.applyUpdate(to.doc, update, REMOTE);
    // A relay server forwards what it receives to everyone else.
  }
}

function pick<T>(items: readonly T[], random: Random): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** One random local edit, the way a person edits in Excalidraw, then onChange. */
function randomEdit(peer: Peer, random: Random, nextId: () => string): void {
  const scene = peer.scene;
  const live = scene.elements.filter((e) => !e.isDeleted);
  const roll = random();
  if (roll < 0.3 || live.length === 0) {
    scene.add(nextId(), random() < 0.7 ? undefined : Math.floor(random() * (scene.elements.length + 1)));
  } else if (roll < 0.65) {
    const target = pick(live, random);
    if (target) scene.update(target.id, { x: Math.floor(random() * 1000) });
  } else if (roll < 0.72) {
    const target = pick(live, random);
    if (target) scene.update(target.id, { isDeleted: true });
  } else if (roll < 0.8) {
    // Bring to front / send between two others: a new fractional index.
    const target = pick(live, random);
    const sorted = [...scene.elements].sort(byIndex);
    const at = Math.floor(random() * (sorted.length + 1));
    const below = sorted[at - 1]?.index ?? null;
    const above = sorted[at]?.index ?? null;
    if (target && (below === null || above === null || below < above)) {
      scene.update(target.id, { index: keyBetween(below, above) });
    }
  } else if (roll < 0.9) {
    // Start or finish editing something (typing in a text, dragging a handle).
    const target = pick(live, random);
    if (target && scene.editing.has(target.id)) scene.editing.delete(target.id);
    else if (target) scene.editing.add(target.id);
  } else {
    const target = pick([...scene.editing], random);
    if (target) scene.update(target, { label: `edited ${Math.floor(random() * 100)}` });
  }
  peer.binding.onLocalChange();
}

/** Runs every timer and delivers every message until nothing moves any more. */
function settle(peers: Peer[]): void {
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (const peer of peers) moved = peer.timers.runAll() || moved;
    for (const from of peers) {
      for (const to of peers) {
        if (from === to) continue;
        if ((from.outbox.get(to)?.length ?? 0) > 0) moved = true;
        deliver(from, to);
      }
    }
    if (!moved) return;
  }
  throw new Error('did not settle in 200 rounds');
}

const stamp = (e: ModelElement) => `${e.id}@${e.version}:${e.versionNonce}/${e.index}/${e.isDeleted}/${e.x}`;
const docContent = (peer: Peer) => [...peer.map.values()].map(stamp).sort().join('\n');
const sceneContent = (peer: Peer) => peer.scene.elements.map(stamp).sort().join('\n');

function runSeed(seed: number, peerCount: number, steps: number) {
  const random = seededRandom(seed);
  const peers = makePeers(peerCount, random);
  let counter = 0;
  const nextId = () => `e${seed}-${counter++}`;
  for (let step = 0; step < steps; step++) {
    const peer = pick(peers, random) as Peer;
    const roll = random();
    if (roll < 0.55) randomEdit(peer, random, nextId);
    else if (roll < 0.75) peer.timers.runAll();
    else {
      // Partial, in-order delivery on one link: peers see each other's edits late and interleaved.
      const to = pick(
        peers.filter((p) => p !== peer),
        random,
      ) as Peer;
      deliver(peer, to, Math.floor(random() * 4));
    }
  }
  // Everyone stops editing; the network drains.
  for (const peer of peers) {
    peer.scene.editing.clear();
    peer.binding.onLocalChange();
  }
  settle(peers);
  return { peers, created: counter };
}

function expectConverged(peers: Peer[], created: number, seed: number) {
  const first = peers[0] as Peer;
  const reference = docContent(first);
  for (const peer of peers) {
    expect(docContent(peer), `seed ${seed}: documents of p0 and ${peer.scene.name}`).toBe(reference);
    expect(sceneContent(peer), `seed ${seed}: scene of ${peer.scene.name} vs its document`).toBe(reference);
    // Z-order: strictly increasing fractional indices.
    const indices = peer.scene.elements.map((e) => e.index ?? '');
    for (let i = 1; i < indices.length; i++) {
      expect((indices[i - 1] as string) < (indices[i] as string), `seed ${seed}: order`).toBe(true);
    }
  }
  // No element is lost, deleted ones included.
  expect(first.map.size, `seed ${seed}: every element created is in the document`).toBe(created);
  // Every conflict went the way Excalidraw's rule says: the final copy beats every copy written.
  const final = new Map([...first.map.values()].map((e) => [e.id, e]));
  for (const peer of peers) {
    for (const written of peer.written) {
      const kept = final.get(written.id) as ModelElement;
      expect(wins(written, kept), `seed ${seed}: ${stamp(written)} lost to ${stamp(kept)}`).toBe(false);
    }
  }
}

/**
 * Seeds every `npm test` replays (the random sweeps run fresh ones in `npm run test:fuzz`): a
 * fixed block each, enough to meet concurrent edits of one element, deletes and reorders.
 */
const PINNED_TWO_PEERS = Array.from({ length: 30 }, (_, i) => 1 + i);
const PINNED_THREE_PEERS = Array.from({ length: 30 }, (_, i) => 1001 + i);

describe('BoardBinding: Excalidraw scene <-> Y.Map', () => {
  it('converges for 2 peers over seeded random concurrent edits', {
    tags: ['fuzz'],
    timeout: SWEEP_BUDGET_MS,
  }, async () => {
    await forEachSeed(
      fuzzSeeds(PINNED_TWO_PEERS, 1000),
      'PINNED_TWO_PEERS in BoardBinding.test.ts',
      (seed) => {
        const { peers, created } = runSeed(seed, 2, 120);
        expectConverged(peers, created, seed);
      },
    );
  });

  it('converges for 3 peers over seeded random concurrent edits', {
    tags: ['fuzz'],
    timeout: SWEEP_BUDGET_MS,
  }, async () => {
    await forEachSeed(
      fuzzSeeds(PINNED_THREE_PEERS, 1000),
      'PINNED_THREE_PEERS in BoardBinding.test.ts',
      (seed) => {
        const { peers, created } = runSeed(seed, 3, 150);
        expectConverged(peers, created, seed);
      },
    );
  });

  it('resolves a concurrent edit of one element by version, then by the lower nonce', () => {
    const random = seededRandom(7);
    const [a, b] = makePeers(2, random) as [Peer, Peer];
    a.scene.add('shape');
    a.binding.flush();
    deliver(a, b);
    // Both edit the same element at once: a twice (higher version), b once.
    a.scene.update('shape', { x: 1 });
    a.scene.update('shape', { x: 2 });
    b.scene.update('shape', { x: 3 });
    a.binding.flush();
    b.binding.flush();
    settle([a, b]);
    expect(a.map.get('shape')?.x).toBe(2);
    expect(b.scene.elements[0]?.x).toBe(2);

    // Same version on both sides: the lower versionNonce wins everywhere.
    a.scene.update('shape', { x: 10 });
    b.scene.update('shape', { x: 20 });
    const [ours, theirs] = [a.scene.elements[0], b.scene.elements[0]] as [ModelElement, ModelElement];
    ours.versionNonce = 5;
    theirs.versionNonce = 9;
    a.binding.flush();
    b.binding.flush();
    settle([a, b]);
    expect(b.scene.elements[0]?.x).toBe(10);
    expect(a.map.get('shape')?.x).toBe(10);
  });

  it('a read-only binding never writes, so a viewer whose writes the server drops keeps up with every version', () => {
    const random = seededRandom(11);
    const [a, b] = makePeers(2, random) as [Peer, Peer];
    // Yjs keeps the entry of the higher client id when two set one key at once.
    a.doc.clientID = 100;
    b.doc.clientID = 200;
    // The observer: its document gets everyone's updates; nothing it writes ever leaves it. Its
    // client id sorts last, so a write of its own would win Yjs' tie for that key for good.
    const o = new Y.Doc();
    o.clientID = 0xfffffffe;
    const oMap = o.getMap<ModelElement>('elements');
    const oScene = new SceneModel('o', random);
    const oTimers = new ManualTimers();
    const oBinding = new BoardBinding(oMap, oScene, {
      setTimer: oTimers.set,
      clearTimer: oTimers.clear,
      readOnly: true,
    });
    const toObserver = (peer: Peer) => peer.doc.on('update', (u: Uint8Array) => Y.applyUpdate(o, u, REMOTE));
    toObserver(a);
    toObserver(b);

    a.scene.add('shape');
    a.binding.flush();
    deliver(a, b);
    // A concurrent edit of the same version: the lower nonce wins by Excalidraw's rule, while Yjs
    // may keep the other in the map for a moment.
    a.scene.update('shape', { x: 10 });
    b.scene.update('shape', { x: 20 });
    (a.scene.elements[0] as ModelElement).versionNonce = 5;
    (b.scene.elements[0] as ModelElement).versionNonce = 9;
    // The observer hears the winner (a's) first, then the loser, which Yjs keeps in the map.
    a.binding.flush();
    b.binding.flush();
    oTimers.runAll();
    settle([a, b]);
    oTimers.runAll();
    oBinding.flush();
    // Later edits by the writers reach the viewer, whatever it saw in between.
    for (const x of [30, 40, 50]) {
      a.scene.update('shape', { x });
      a.binding.flush();
      settle([a, b]);
      oTimers.runAll();
    }
    expect(o.store.clients.has(o.clientID)).toBe(false);
    expect(oMap.get('shape')?.x).toBe(50);
    expect(oScene.elements[0]?.x).toBe(50);
  });

  it('writes only elements whose version changed, in one transaction, and ignores its own echo', () => {
    const random = seededRandom(3);
    const [a, b] = makePeers(2, random) as [Peer, Peer];
    for (let i = 0; i < 5; i++) a.scene.add(`s${i}`);
    const transactions: unknown[] = [];
    a.doc.on('afterTransaction', (t: Y.Transaction) => transactions.push(t.origin));
    a.binding.flush();
    expect(transactions).toEqual([a.binding.origin]);
    expect(a.scene.remoteApplies).toBe(0);
    deliver(a, b);
    expect(b.scene.elements.map((e) => e.id)).toEqual(['s0', 's1', 's2', 's3', 's4']);

    transactions.length = 0;
    a.binding.flush(); // nothing changed
    expect(transactions).toEqual([]);
    a.scene.update('s2', { x: 5 });
    a.binding.flush();
    expect(transactions).toHaveLength(1);
    const before = b.scene.remoteApplies;
    deliver(a, b);
    expect(b.scene.remoteApplies).toBe(before + 1);
    expect(b.scene.elements.find((e) => e.id === 's2')?.x).toBe(5);
  });

  it("keeps a peer's version out while the element is being edited here, then takes it", () => {
    const random = seededRandom(11);
    const [a, b] = makePeers(2, random) as [Peer, Peer];
    a.scene.add('text');
    a.binding.flush();
    deliver(a, b);
    b.scene.editing.add('text');
    for (let i = 0; i < 3; i++) a.scene.update('text', { label: `a${i}` });
    a.binding.flush();
    deliver(a, b);
    expect(b.scene.elements[0]?.label).not.toBe('a2');
    // It waits quietly: no retry loop while the edit goes on.
    b.timers.runAll();
    const applies = b.scene.remoteApplies;
    expect(b.timers.runAll()).toBe(false);
    expect(b.scene.remoteApplies).toBe(applies);
    b.scene.editing.delete('text');
    b.binding.onLocalChange();
    settle([a, b]);
    expect(b.scene.elements[0]?.label).toBe('a2');
  });

  it('splits a large paste into several bounded transactions', () => {
    const random = seededRandom(5);
    const [a] = makePeers(1, random) as [Peer];
    for (let i = 0; i < 1000; i++) a.scene.add(`p${i}`);
    let count = 0;
    a.doc.on('afterTransaction', () => count++);
    a.binding.flush();
    expect(a.map.size).toBe(1000);
    expect(count).toBeGreaterThan(1);
  });

  it('shows what the document already holds when it starts, and stops syncing when destroyed', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<ModelElement>('elements');
    map.set('old', { id: 'old', version: 3, versionNonce: 1, index: 'a', isDeleted: false, x: 0, label: '' });
    const scene = new SceneModel('late', seededRandom(1));
    const binding = new BoardBinding(map, scene, { setTimer: () => 0, clearTimer: () => {} });
    expect(scene.elements.map((e) => e.id)).toEqual(['old']);
    binding.destroy();
    map.set('new', { id: 'new', version: 1, versionNonce: 1, index: 'b', isDeleted: false, x: 0, label: '' });
    expect(scene.elements.map((e) => e.id)).toEqual(['old']);
  });
});
