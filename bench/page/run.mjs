#!/usr/bin/env node
// Page benchmark (not a test): how fast a room opens from a cold browser, and what it costs on the
// wire. For each run a new browser context (empty cache) opens the home page, creates a coding
// room and is taken to it: the time from that navigation to an editable editor, and the bytes
// the room page transferred (as sent, after compression) against their size decoded. Then a
// second person opens the invite link cold, and the same is measured for them; and a third
// context that accepts no compression, in the same run, for comparison.
// Prints the median over --runs (default 5). Usage: npm run bench:page [-- --runs 5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, median, startServer } from '../support/browserBench.mjs';

const at = process.argv.indexOf('--runs');
const RUNS = at > 0 ? Number(process.argv[at + 1]) : 5;

/** Sums what the page's responses took on the wire and decoded, from the network's own events. */
async function countBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const totals = { wire: 0, decoded: 0, requests: 0, byType: new Map() };
  const types = new Map();
  cdp.on('Network.responseReceived', ({ requestId, type }) => types.set(requestId, type));
  cdp.on('Network.dataReceived', ({ dataLength }) => {
    totals.decoded += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    totals.wire += encodedDataLength;
    totals.requests++;
    const type = types.get(requestId) ?? 'Other';
    totals.byType.set(type, (totals.byType.get(type) ?? 0) + encodedDataLength);
  });
  return totals;
}

async function openCold(browser, url, name, createsRoom, { uncompressed = false } = {}) {
  // Uncompressed: as a browser that accepts no encoding, for the side-by-side figure.
  const context = await browser.newContext(
    uncompressed ? { extraHTTPHeaders: { 'accept-encoding': 'identity' } } : {},
  );
  const page = await context.newPage();
  const bytes = await countBytes(page);
  let started;
  if (createsRoom) {
    await page.goto(url);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Round type').selectOption({ label: 'Coding' });
    started = performance.now();
    await page.getByRole('button', { name: 'Create room' }).click();
  } else {
    started = performance.now();
    await page.goto(url);
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Join room' }).click();
  }
  await page.locator('.cm-content[aria-label="Code editor"][contenteditable="true"]').waitFor();
  const editable = performance.now() - started;
  // Let the background loads of the room (Python's spare sandbox) finish, then count.
  await page.waitForLoadState('networkidle');
  return { context, page, editable, bytes };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-page-'));
const server = await startServer(dataDir);
const browser = await launchChromium();
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
try {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const ivy = await openCold(browser, server.url, 'Ivy', true);
    const cal = await openCold(browser, ivy.page.url(), 'Cal', false);
    const plain = await openCold(browser, server.url, 'Ivy', true, { uncompressed: true });
    results.push({ ivy, cal, plain });
    await plain.context.close();
    console.error(
      `[bench:page] run ${i + 1}: creator editable after ${ivy.editable.toFixed(0)} ms, invitee ${cal.editable.toFixed(0)} ms; ${kb(ivy.bytes.wire)} on the wire (${kb(ivy.bytes.decoded)} decoded)`,
    );
    await ivy.context.close();
    await cal.context.close();
  }
  const of = (pick) => median(results.map(pick));
  console.log(`Page benchmark: ${RUNS} cold browser contexts, loopback, headless Chromium`);
  console.log(`create room to editable editor   median ${of((r) => r.ivy.editable).toFixed(0)} ms`);
  console.log(
    `invite link to editable editor   median ${of((r) => r.cal.editable).toFixed(0)} ms (name typed, Join room)`,
  );
  console.log(
    `room page, everything it loads   ${kb(of((r) => r.ivy.bytes.wire))} on the wire, ${kb(of((r) => r.ivy.bytes.decoded))} decoded, ${of((r) => r.ivy.bytes.requests)} requests`,
  );
  console.log(
    `the same without compression     ${kb(of((r) => r.plain.bytes.wire))} on the wire; create room to editable ${of((r) => r.plain.editable).toFixed(0)} ms`,
  );
  const last = results.at(-1).ivy.bytes.byType;
  console.log(`  by type (last run, on the wire): ${[...last].map(([t, n]) => `${t} ${kb(n)}`).join(', ')}`);
} finally {
  await browser.close();
  server.proc.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
