#!/usr/bin/env node
// Page benchmark (not a test): how fast a room opens from a cold browser, and what it costs on the
// wire. For each run a new browser context (empty cache) opens the home page, creates a coding
// room and is taken to it: the time from that navigation to an editable editor, and the bytes
// the room page transferred (as sent, after compression) against their size decoded. Then a
// second person opens the invite link cold, and the same is measured for them; and a third
// context that accepts no compression, in the same run, for comparison. Python: the creator clicks
// Run code 10 s after the room opened (the spare sandbox has had time to load Python), the invitee
// as soon as their editor is editable (cold: Python still loading); click to the run on screen.
// Then the creator comes back: a cold context holding only the seat their first visit stored, to
// the room's address, to an editable editor (nothing else open in the browser).
// Prints the median over --runs (default 5). `--before <dir>` measures another built checkout's
// returning path in the same runs, side by side. Usage: npm run bench:page [-- --runs 5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, median, setCode, startServer } from '../support/browserBench.mjs';

const flag = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(flag('--runs') ?? 5);
/** Another built checkout: its returning path is measured in the same runs, alternating. */
const BEFORE = flag('--before');

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

/** Runs a line of Python from the Run button: ms from the click until the run is on screen. */
async function pythonRun(page) {
  await setCode(page, 'print("ready")\n');
  const started = performance.now();
  await page.getByRole('button', { name: 'Run code' }).click();
  await page.locator('[aria-label="Output"] article.run').first().waitFor({ timeout: 120_000 });
  return performance.now() - started;
}

const ROOM_OPEN_BEFORE_RUN_MS = 10_000;

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
  return { context, page, editable, bytes, started };
}

/**
 * A returning participant: a new context with the seat the first visit stored (localStorage) but
 * an empty HTTP cache, navigating straight to the room's address, to an editable editor. The
 * first visit's context is closed first, so nothing else runs in the browser meanwhile.
 */
async function reopenCold(browser, opened) {
  const storageState = await opened.context.storageState();
  await opened.context.close();
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(opened.page.url());
  await page.locator('.cm-content[aria-label="Code editor"][contenteditable="true"]').waitFor();
  const editable = performance.now() - started;
  await context.close();
  return editable;
}

/** Counts once the room's background loads are done (Python's spare sandbox is not in them). */
async function settle(opened) {
  // A page that keeps the network busy past 30 s is said, not fatal: its bytes are counted so far.
  await opened.page
    .waitForLoadState('networkidle', { timeout: 30_000 })
    .catch(() => console.error('[bench:page] the network did not go quiet within 30 s'));
  return opened;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-page-'));
const server = await startServer(dataDir);
const beforeDir = BEFORE && fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-page-before-'));
const before = BEFORE && (await startServer(beforeDir, {}, path.resolve(BEFORE)));
const browser = await launchChromium();
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
try {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const ivy = await settle(await openCold(browser, server.url, 'Ivy', true));
    const cal = await openCold(browser, ivy.page.url(), 'Cal', false);
    cal.pythonColdMs = await pythonRun(cal.page);
    await settle(cal);
    const plain = await settle(await openCold(browser, server.url, 'Ivy', true, { uncompressed: true }));
    const waitMs = ROOM_OPEN_BEFORE_RUN_MS - (performance.now() - ivy.started);
    if (waitMs > 0) await ivy.page.waitForTimeout(waitMs);
    ivy.pythonWarmMs = await pythonRun(ivy.page);
    results.push({ ivy, cal, plain });
    await plain.context.close();
    await cal.context.close();
    ivy.returningMs = await reopenCold(browser, ivy);
    if (before) {
      const first = await settle(await openCold(browser, before.url, 'Ivy', true));
      ivy.returningBeforeMs = await reopenCold(browser, first);
    }
    console.error(
      `[bench:page] run ${i + 1}: creator editable after ${ivy.editable.toFixed(0)} ms, returning ${ivy.returningMs.toFixed(0)} ms, invitee ${cal.editable.toFixed(0)} ms; ${kb(ivy.bytes.wire)} on the wire (${kb(ivy.bytes.decoded)} decoded); Python run ${ivy.pythonWarmMs.toFixed(0)} ms warm, ${cal.pythonColdMs.toFixed(0)} ms cold`,
    );
  }
  const of = (pick) => median(results.map(pick));
  console.log(`Page benchmark: ${RUNS} cold browser contexts, loopback, headless Chromium`);
  console.log(`create room to editable editor   median ${of((r) => r.ivy.editable).toFixed(0)} ms`);
  console.log(
    `returning, cold to editable      median ${of((r) => r.ivy.returningMs).toFixed(0)} ms (stored seat, empty cache, target 1,000)`,
  );
  if (before) {
    const all = (pick) =>
      results
        .map(pick)
        .map((ms) => ms.toFixed(0))
        .join(', ');
    console.log(
      `  the same, ${BEFORE}: median ${of((r) => r.ivy.returningBeforeMs).toFixed(0)} ms (${all((r) => r.ivy.returningBeforeMs)}); this build ${all((r) => r.ivy.returningMs)}`,
    );
  }
  console.log(
    `invite link to editable editor   median ${of((r) => r.cal.editable).toFixed(0)} ms (name typed, Join room)`,
  );
  console.log(
    `room page, everything it loads   ${kb(of((r) => r.ivy.bytes.wire))} on the wire, ${kb(of((r) => r.ivy.bytes.decoded))} decoded, ${of((r) => r.ivy.bytes.requests)} requests`,
  );
  console.log(
    `the same without compression     ${kb(of((r) => r.plain.bytes.wire))} on the wire; create room to editable ${of((r) => r.plain.editable).toFixed(0)} ms`,
  );
  console.log(
    `Python, click to run on screen    ${of((r) => r.ivy.pythonWarmMs).toFixed(0)} ms with the room open 10 s (target 1,000); ${of((r) => r.cal.pythonColdMs).toFixed(0)} ms clicked as the editor opens (target 5,000)`,
  );
  const last = results.at(-1).ivy.bytes.byType;
  console.log(`  by type (last run, on the wire): ${[...last].map(([t, n]) => `${t} ${kb(n)}`).join(', ')}`);
} finally {
  await browser.close();
  server.proc.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (before) {
    before.proc.kill('SIGTERM');
    fs.rmSync(beforeDir, { recursive: true, force: true });
  }
}
