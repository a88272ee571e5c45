import { expectMediaFlowing, inCallContext, mediaFigures, startCoturn, type Turn } from '../support/call.js';
import { expect, test } from '../support/fixtures.js';
import { createRoomFromHome, expectConnected, joinFromInvite } from '../support/room.js';

// These run in the `call` project: fake camera and microphone, loopback allowed, and (as root)
// inside a network namespace that has only `lo` (scripts/loopback-only.sh).

const callStatus = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Call' }).getByRole('status');

/** Waits until what the page sends of `kind` stops growing (one second apart, twice the same). */
async function expectNotSending(page: import('@playwright/test').Page, kind: 'audioOut' | 'videoOut') {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = (await mediaFigures(page))[kind];
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [1000], timeout: 15_000, message: `${kind} should stop growing` },
    )
    .toBe(true);
}

test('two people talk and see each other; mute stops the sound; a refresh rejoins; a server restart keeps media flowing', async ({
  server,
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  for (const page of [ivy, cal]) await inCallContext(page);
  const url = await createRoomFromHome(ivy, 'Ivy');
  await joinFromInvite(cal, url, 'Cal');

  await ivy.getByRole('button', { name: 'Join call' }).click();
  await expect(callStatus(ivy)).toContainText('Waiting');
  await cal.getByRole('button', { name: 'Join call' }).click();
  await expect(callStatus(ivy)).toContainText('Call connected with Cal');
  await expect(callStatus(cal)).toContainText('Call connected with Ivy');
  await expect(ivy.getByLabel('Video of Cal')).toBeAttached();
  await expect(cal.getByLabel('Video of Ivy')).toBeAttached();
  await expectMediaFlowing(ivy, 'Ivy receives Cal');
  await expectMediaFlowing(cal, 'Cal receives Ivy');
  for (const page of [ivy, cal]) {
    await expect(page.getByRole('button', { name: 'Microphone' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Camera' })).toHaveAttribute('aria-pressed', 'true');
  }

  // Cal mutes: no more audio bytes leave Cal's browser, Ivy sees the muted mark, video carries on.
  await cal.getByRole('button', { name: 'Microphone' }).click();
  await expect(cal.getByRole('button', { name: 'Microphone' })).toHaveAttribute('aria-pressed', 'false');
  await expect(ivy.locator('.call-tile', { has: ivy.getByLabel('Video of Cal') })).toContainText('muted');
  await expectNotSending(cal, 'audioOut');
  const videoBefore = (await mediaFigures(ivy)).videoIn;
  await expect.poll(async () => (await mediaFigures(ivy)).videoIn).toBeGreaterThan(videoBefore);
  await cal.getByRole('button', { name: 'Microphone' }).click();
  await expect(ivy.locator('.call-tile', { has: ivy.getByLabel('Video of Cal') })).not.toContainText('muted');

  // A refresh: Cal's page joins the call again by itself.
  await cal.reload();
  await expectConnected(cal);
  await expect(callStatus(cal)).toContainText('Call connected with Ivy');
  await expectMediaFlowing(cal, 'Cal after the refresh');
  await expectMediaFlowing(ivy, 'Ivy after Cal refreshed');
  await expect(cal.getByRole('button', { name: 'Microphone' })).toHaveAttribute('aria-pressed', 'true');

  // The server dies: media is peer to peer, so it keeps flowing while nothing answers.
  await server.kill();
  await expect(ivy.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await expectMediaFlowing(ivy, 'Ivy while the server is down');
  await expectMediaFlowing(cal, 'Cal while the server is down');
  await server.restart();
  await expectConnected(ivy);
  await expectConnected(cal);
  await expect(callStatus(ivy)).toContainText('Call connected with Cal');
  await expectMediaFlowing(ivy, 'Ivy after the restart');
  // The same peer connection carried the call through: nothing was renegotiated from scratch.
  const open = await ivy.evaluate(
    () =>
      (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections.filter(
        (pc) => pc.connectionState !== 'closed',
      ).length,
  );
  expect(open).toBe(1);

  await ivy.getByRole('button', { name: 'Leave call' }).click();
  await expect(ivy.getByRole('button', { name: 'Join call' })).toBeVisible();
  await expect(callStatus(cal)).toContainText('Waiting');
});

test.describe('through a TURN relay only', () => {
  const relayTest = test.extend<{ turn: Turn }>({
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none.
    turn: async ({}, use) => {
      const turn = await startCoturn();
      await use(turn);
      await turn.stop();
    },
    serverEnv: async ({ turn }, use) => {
      await use({ TURN_URLS: turn.url, TURN_SECRET: turn.secret, ICE_TRANSPORT_POLICY: 'relay' });
    },
  });

  relayTest(
    'P-CALL-6: media goes through coturn with per-person credentials; an observer receives only, without a relay of its own',
    async ({ person }) => {
      const ivy = await person();
      const cal = await person();
      const oz = await person();
      for (const page of [ivy, cal, oz]) await inCallContext(page);
      const url = await createRoomFromHome(ivy, 'Ivy');
      await joinFromInvite(cal, url, 'Cal');
      await joinFromInvite(oz, url, 'Oz');
      await expect(oz.getByText('You: Observer')).toBeVisible();

      for (const page of [ivy, cal, oz]) await page.getByRole('button', { name: 'Join call' }).click();
      await expect(callStatus(ivy)).toContainText(/Call connected with (Cal and Oz|Oz and Cal)/);
      await expectMediaFlowing(ivy, 'Ivy through the relay');
      await expectMediaFlowing(cal, 'Cal through the relay');
      // The seats reach each other relay to relay; Ivy's every route starts at her relay.
      await expect.poll(async () => (await mediaFigures(cal)).routes).toContain('relay/relay');
      const routes = (await mediaFigures(ivy)).routes;
      expect(routes).toContain('relay/relay');
      for (const route of routes) expect(route).toMatch(/^relay\//);

      // The observer hears and sees both seats, sends nothing, and has no microphone or camera.
      await expect(callStatus(oz)).toContainText('Call connected');
      await expect(oz.getByLabel('Video of Ivy')).toBeAttached();
      await expect(oz.getByLabel('Video of Cal')).toBeAttached();
      await expectMediaFlowing(oz, 'Oz, observing');
      await expect(oz.getByRole('button', { name: 'Microphone' })).toHaveCount(0);
      const ozOut = await mediaFigures(oz);
      expect(ozOut.audioOut + ozOut.videoOut).toBe(0);
      // The observer got no relay credentials (P-CALL-6): it reaches the seats through theirs.
      expect(ozOut.routes.length).toBeGreaterThan(0);
      for (const route of ozOut.routes) expect(route).toMatch(/^(host|prflx|srflx)\/relay$/);
      await expect(ivy.getByLabel('Video of Oz')).toBeAttached();
    },
  );
});

test.describe('with short-lived relay credentials', () => {
  const renewTest = test.extend<{ turn: Turn }>({
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none.
    turn: async ({}, use) => {
      const turn = await startCoturn();
      await use(turn);
      await turn.stop();
    },
    serverEnv: async ({ turn }, use) => {
      await use({
        TURN_URLS: turn.url,
        TURN_SECRET: turn.secret,
        ICE_TRANSPORT_POLICY: 'relay',
        TURN_TTL_SECONDS: '60',
      });
    },
  });

  renewTest(
    'P-CALL-6: the page renews its TURN credentials before they expire and the call carries on through the relay',
    async ({ person }) => {
      test.setTimeout(150_000);
      const ivy = await person();
      const cal = await person();
      for (const page of [ivy, cal]) await inCallContext(page);
      const url = await createRoomFromHome(ivy, 'Ivy');
      await joinFromInvite(cal, url, 'Cal');
      for (const page of [ivy, cal]) await page.getByRole('button', { name: 'Join call' }).click();
      await expect(callStatus(ivy)).toContainText('Call connected with Cal');
      /** The TURN user names the page's open peer connections use now. */
      const turnUsers = () =>
        ivy.evaluate(() =>
          (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections
            .filter((pc) => pc.connectionState !== 'closed')
            .flatMap((pc) => pc.getConfiguration().iceServers ?? [])
            .map((s) => s.username ?? ''),
        );
      const first = await turnUsers();
      expect(first.length).toBeGreaterThan(0);
      // 60-second credentials are renewed at four fifths of their life (48 s).
      await expect.poll(turnUsers, { timeout: 70_000, intervals: [2000] }).not.toEqual(first);
      await expectMediaFlowing(ivy, 'Ivy after the renewal');
      await expectMediaFlowing(cal, 'Cal after the renewal');
      expect((await mediaFigures(ivy)).routes).toEqual(['relay/relay']);
    },
  );
});

test('a blocked camera and microphone get a plain sentence and the call still works to listen', async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  await cal.context().addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  for (const page of [ivy, cal]) await inCallContext(page);
  const url = await createRoomFromHome(ivy, 'Ivy');
  await joinFromInvite(cal, url, 'Cal');
  await ivy.getByRole('button', { name: 'Join call' }).click();
  await cal.getByRole('button', { name: 'Join call' }).click();
  await expect(cal.getByRole('alert')).toContainText('The browser blocked the');
  await expect(cal.getByRole('alert')).toContainText('Allow it');
  await expect(cal.getByRole('button', { name: 'Microphone' })).toHaveAttribute('aria-pressed', 'false');
  await expect(callStatus(cal)).toContainText('Call connected with Ivy');
  await expectMediaFlowing(cal, 'Cal listens');
  await expect(ivy.locator('.call-tile', { has: ivy.getByLabel('Video of Cal') })).toContainText('muted');
});

test('back in the room from the report, the call is offered, not rejoined with camera and microphone on; a refresh during the call still rejoins', async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  for (const page of [ivy, cal]) await inCallContext(page);
  const url = await createRoomFromHome(ivy, 'Ivy');
  await joinFromInvite(cal, url, 'Cal');
  await ivy.getByRole('button', { name: 'Join call' }).click();
  await cal.getByRole('button', { name: 'Join call' }).click();
  await expect(callStatus(cal)).toContainText('Call connected with Ivy');

  // A later visit: Cal reads the report, then goes back to the room by its link.
  await cal.goto(`${url}/report`);
  await expect(cal.getByRole('heading', { name: 'Interview report' })).toBeVisible();
  await expect(callStatus(ivy)).toContainText('Waiting');
  await cal.getByRole('link', { name: 'Back to the room' }).click();
  await expectConnected(cal);
  await expect(cal.getByRole('region', { name: 'Call' })).toContainText('You were in the call when you left');
  await expect(cal.getByRole('button', { name: 'Join call' })).toBeEnabled();
  await expect(cal.getByRole('button', { name: 'Microphone' })).toHaveCount(0);
  await expect(cal.getByLabel('Your video')).toHaveCount(0);
  await expect(callStatus(ivy)).toContainText('Waiting');
  // The offer stands until taken: it is Cal's click that brings the call back.
  await cal.getByRole('button', { name: 'Join call' }).click();
  await expect(callStatus(cal)).toContainText('Call connected with Ivy');
  await expect(callStatus(ivy)).toContainText('Call connected with Cal');

  // A refresh in the call is not a later visit: the call comes back by itself.
  await cal.reload();
  await expectConnected(cal);
  await expect(callStatus(cal)).toContainText('Call connected with Ivy');
  await expectMediaFlowing(cal, 'Cal after the refresh');
});
