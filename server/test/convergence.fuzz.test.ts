import fs from 'node:fs';
import { type DocAccess, seededRandom } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { forEachSeed, fuzzSeeds, fuzzTimeout } from '../../test-support/fuzz.js';
import { withLimits } from '../src/config/Limits.js';
import { type ControlSocket, createRoom, type DocClient, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

/** Seeds that once failed (or found a harness bug), replayed on every run. */
const REGRESSION_SEEDS: number[] = JSON.parse(
  fs.readFileSync(new URL('./fixtures/convergence-seeds.json', import.meta.url), 'utf8'),
);
/** `npm test` replays those and a fixed block; `npm run test:fuzz` adds fresh seeds. */
const PINNED_SEEDS = [...REGRESSION_SEEDS, ...Array.from({ length: 8 }, (_, i) => 1001 + i)];
const FRESH_SEEDS = 300;
const STEPS = 120;

// Every seed opens a room from one address: lift the per-address room limit.
const t = withTestServer({ limits: withLimits({ roomsPerIpPerHour: 100_000 }) });

/**
 * One seeded session: five writing clients (the interviewer in three tabs, the candidate in two)
 * type, disconnect, reconnect and reload at random through the real server. Then all must hold
 * byte-identical documents, and the store's copy must equal theirs.
 */
async function session(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const sockets = [t.control(), t.control()];
  const ivy = await joinOk(sockets[0] as ControlSocket, { roomId: room.roomId, secret: room.secret });
  const cal = await joinOk(sockets[1] as ControlSocket, { roomId: room.roomId, name: 'Cal' });
  // Five tabs, each with its own join and so its own client id (P-ID-3). A reload is a new page
  // load: a new tab id, so a new client id.
  let tabs = 0;
  const owners = [0, 0, 0, 1, 1];
  const tab = async (owner: number) => {
    const secret = owner === 0 ? ivy.secret : cal.secret;
    // The '-' before the padding keeps tab 1 and tab 10 apart ("fuzz-9-1-0000" vs "fuzz-9-10-000"):
    // one tab id twice means one Yjs client id in two documents, which no browser does.
    const id = `fuzz-${seed}-${tabs++}-`.padEnd(16, '0');
    return (await joinOk(sockets[owner] as ControlSocket, { roomId: room.roomId, secret, tab: id })).documents
      .code;
  };
  const access: DocAccess[] = [];
  for (const owner of owners) access.push(await tab(owner));
  const clients: DocClient[] = access.map((a) => t.doc(a));
  const connected = clients.map(() => true);

  for (let step = 0; step < STEPS; step++) {
    const i = Math.floor(random() * clients.length);
    const client = clients[i] as DocClient;
    const roll = random();
    if (roll < 0.6) {
      const text = client.text;
      if (text.length > 0 && random() < 0.3) {
        text.delete(Math.floor(random() * text.length), 1 + Math.floor(random() * 3));
      } else {
        text.insert(
          Math.floor(random() * (text.length + 1)),
          String.fromCharCode(97 + Math.floor(random() * 26)),
        );
      }
    } else if (roll < 0.8) {
      if (connected[i]) client.provider.disconnect();
      else client.provider.connect();
      connected[i] = !connected[i];
    } else if (roll < 0.88) {
      // A reload: the tab's document is gone (unsent edits with it); the new page syncs afresh.
      client.destroy();
      access[i] = await tab(owners[i] as number);
      clients[i] = t.doc(access[i] as DocAccess);
      connected[i] = true;
    } else {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  for (const [i, client] of clients.entries()) if (!connected[i]) client.provider.connect();
  const hint = `seed ${seed}`;
  try {
    await eventually(() => {
      const [first, ...rest] = clients.map((c) => Y.encodeStateAsUpdate(c.doc));
      for (const state of rest) expect(state, hint).toEqual(first);
    }, 15_000);
  } catch (err) {
    const server = await t.server.app.docs.acquire(ivy.documents.code.name);
    console.log(
      hint,
      clients.map((c) => [
        c.text.toString(),
        c.provider.wsconnected,
        c.provider.synced,
        [...Y.decodeStateVector(Y.encodeStateVector(c.doc))],
      ]),
      'server',
      server.doc.getText('code').toString(),
      [...Y.decodeStateVector(Y.encodeStateVector(server.doc))],
      server.doc.store.pendingStructs,
      server.doc.store.pendingDs,
    );
    throw err;
  }
  await t.server.app.docs.flush();
  const stored = new Y.Doc();
  for (const row of await t.server.app.store.loadUpdates(ivy.documents.code.name))
    Y.applyUpdate(stored, row.data);
  expect(Y.encodeStateAsUpdate(stored), hint).toEqual(Y.encodeStateAsUpdate((clients[0] as DocClient).doc));
  for (const client of clients) client.destroy();
  for (const socket of sockets) socket.disconnect();
}

describe('convergence through the real server', () => {
  it('five clients typing, disconnecting, reconnecting and reloading converge byte-identical, store included', {
    tags: ['fuzz'],
    timeout: fuzzTimeout(120_000),
  }, async () => {
    const seeds = fuzzSeeds(PINNED_SEEDS, FRESH_SEEDS);
    await forEachSeed(seeds, 'server/test/fixtures/convergence-seeds.json', session);
    console.log(`convergence fuzz: ${seeds.length} seeds, ${STEPS} steps each, 5 clients`);
  });
});
