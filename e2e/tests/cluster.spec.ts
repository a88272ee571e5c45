import { test as base, expect } from '@playwright/test';
// @ts-expect-error: a plain ES module of the deploy folder, without types
import { startCluster } from '../../deploy/cluster.mjs';
import { dropSchema, TEST_DATABASE_URL, testSchema } from '../../server/test/support/pg.js';
import {
  createRoomFromHome,
  editorText,
  expectConnected,
  joinFromInvite,
  typeAtEnd,
} from '../support/room.js';

interface Cluster {
  url: string;
  nodes: Array<{ id: string; url: string; internalUrl: string; kill(): Promise<void> }>;
  stop(): Promise<void>;
}

const test = base.extend<{ cluster: Cluster }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none.
  cluster: async ({}, use) => {
    const schema = testSchema();
    const cluster = (await startCluster({
      nodes: 2,
      databaseUrl: TEST_DATABASE_URL,
      env: { DATABASE_SCHEMA: schema, REDIS_PREFIX: `mockloop-e2e-${schema}:` },
    })) as Cluster;
    await use(cluster);
    await cluster.stop();
    await dropSchema(schema);
  },
});

test('P-NODE-4: two people typing in Chromium carry on through kill -9 of their node', async ({
  browser,
  cluster,
}) => {
  test.setTimeout(120_000);
  const people = await Promise.all([0, 1].map(() => browser.newContext({ baseURL: cluster.url })));
  const [ivy, cal] = await Promise.all(people.map((c) => c.newPage()));
  if (!ivy || !cal) throw new Error('two pages');
  const roomUrl = await createRoomFromHome(ivy, 'Ivy');
  await joinFromInvite(cal, roomUrl, 'Cal');
  await typeAtEnd(ivy, 'def solve(xs):\n');
  await expect.poll(() => editorText(cal)).toContain('def solve(xs):');

  const roomId = new URL(roomUrl).pathname.split('/').pop() ?? '';
  const owners = await Promise.all(
    cluster.nodes.map(
      async (n) =>
        ((await (await fetch(`${n.internalUrl}/internal/rooms`)).json()) as { rooms: string[] }).rooms,
    ),
  );
  const owner = cluster.nodes[owners.findIndex((rooms) => rooms.includes(roomId))];
  if (!owner) throw new Error('no node serves the room');
  // Every text the connection status shows from now on, however briefly.
  await ivy.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    const status = document.querySelector('[role="status"]');
    if (!status) return;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      subtree: true,
      characterData: true,
      childList: true,
    });
  });
  await owner.kill();
  // Both keep typing through the outage; the page says it is reconnecting, then carries on.
  await typeAtEnd(ivy, '    return sorted(xs)\n');
  await typeAtEnd(cal, '# by Cal during the failover\n');
  await expect
    .poll(() => ivy.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen.join('|')))
    .toContain('Reconnecting');
  await expectConnected(ivy);
  await expectConnected(cal);
  await expect.poll(() => editorText(cal), { timeout: 20_000 }).toContain('return sorted(xs)');
  await expect.poll(() => editorText(ivy), { timeout: 20_000 }).toContain('# by Cal during the failover');
  expect(await editorText(ivy)).toBe(await editorText(cal));
  // A refresh loads it all from the survivor.
  await cal.reload();
  await expectConnected(cal);
  await expect.poll(() => editorText(cal)).toContain('# by Cal during the failover');
  await expect.poll(() => editorText(cal)).toContain('return sorted(xs)');
  for (const person of people) await person.close();
});
