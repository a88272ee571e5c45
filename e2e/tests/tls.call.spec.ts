import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
// @ts-expect-error: a plain ES module of the deploy folder, without types
import { freePort } from '../../deploy/cluster.mjs';
// @ts-expect-error: a plain ES module of the deploy folder, without types
import { startTlsProxy } from '../../deploy/tlsProxy.mjs';
import { startServerProcess } from '../../server/test/support/serverProcess.js';
import { makeTestCertificate } from '../../server/test/support/testCertificate.js';
import { expectMediaFlowing, inCallContext } from '../support/call.js';
import { expect, test } from '../support/fixtures.js';
import { createRoomFromHome, joinFromInvite } from '../support/room.js';

// In the `call` project (fake camera and microphone, loopback-only namespace). Beyond localhost a
// browser gives the camera and microphone only to a secure origin: here the room is served over
// HTTPS by HAProxy (deploy/haproxy-tls.cfg) with a certificate made for this test, which Chromium
// trusts by its public key alone (--ignore-certificate-errors-spki-list), not by ignoring errors.

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads a test's fixtures from this pattern; this one uses none.
test('two people join a call over HTTPS through the TLS proxy (wss for both planes)', async ({}, testInfo) => {
  const cert = makeTestCertificate();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-e2e-tls-'));
  const port = (await freePort()) as number;
  const server = await startServerProcess(dataDir, { PUBLIC_URL: `https://localhost:${port}` });
  const proxy = await startTlsProxy({ nodePort: server.port, pemFile: cert.pemFile, port });
  const args = testInfo.project.use.launchOptions?.args ?? [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: testInfo.project.use.launchOptions?.executablePath,
      args: [...args, `--ignore-certificate-errors-spki-list=${cert.spki}`],
    });
    const person = async () => {
      const context = await (browser as Browser).newContext({ baseURL: proxy.url });
      await context.grantPermissions(['clipboard-read', 'clipboard-write', 'camera', 'microphone'], {
        origin: proxy.url,
      });
      const page = await context.newPage();
      await inCallContext(page);
      return page;
    };
    const ivy = await person();
    const cal = await person();
    const url = await createRoomFromHome(ivy, 'Ivy');
    expect(url.startsWith(`${proxy.url}/r/`)).toBe(true);
    expect(await ivy.evaluate(() => window.isSecureContext && location.protocol)).toBe('https:');
    await joinFromInvite(cal, url, 'Cal');
    const status = (page: typeof ivy) => page.getByRole('region', { name: 'Call' }).getByRole('status');
    await ivy.getByRole('button', { name: 'Join call' }).click();
    await cal.getByRole('button', { name: 'Join call' }).click();
    await expect(status(ivy)).toContainText('Call connected with Cal');
    await expect(status(cal)).toContainText('Call connected with Ivy');
    await expectMediaFlowing(ivy, 'Ivy receives Cal over HTTPS');
    await expectMediaFlowing(cal, 'Cal receives Ivy over HTTPS');
  } finally {
    await browser?.close();
    await proxy.stop();
    await server.dispose();
    cert.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
