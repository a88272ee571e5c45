#!/usr/bin/env node
// Runner benchmark (not a test): times code runs in headless Chromium against a real server, from
// the click to the run's first output on screen, measured in the page (a click listener and a
// MutationObserver on the Output panel), and the tab's memory with the runner idle.
//   - Python cold first run: a new browser (empty cache), a new room, Run code as soon as the
//     editor takes the code (the room's spare box is still loading Python).
//   - Python first run, room open 10 s: the same, clicked 10 s after the room page was opened.
//   - Python warm run: Run code with the spare boxes loaded (8 s after the last run).
//   - Run tests straight after: Run tests clicked as soon as that Run code finished (each run gets
//     a fresh box, so this one takes the next spare or waits for one to load); also the runner's
//     own split of it, "ready in" + "ran in" (its header).
//   - JavaScript run, in the same room.
//   - Tab memory, idle: the proportional set size (PSS, /proc/<pid>/smaps_rollup, Linux) summed
//     over all of the browser's renderer processes (the room page, its sandbox frames and their
//     workers, and Chromium's spare renderer), one room open, 15 s after it opened and 15 s after
//     the last run (median of 5 readings a second apart); with the number of sandbox frames.
// With --before <dir> (a built checkout of another commit, e.g. main), every figure is measured
// for both builds, alternating, and printed side by side.
// Usage: npm run bench:runner [-- --runs 5] [-- --before /tmp/mockloop-main]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, median, setCode, startServer } from '../support/browserBench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 5);
const COLD_RUNS = Math.max(1, Math.min(RUNS, 3));
const BEFORE = arg('--before');
const ROOM_OPEN_MS = 10_000;
/** Time for the spares to load again after a run, with a margin. */
const SPARES_WARM_MS = 8_000;
const IDLE_MS = 15_000;

const OUTPUT = '[aria-label="Output"]';
const RUNS_SHOWN = `${OUTPUT} article.run, ${OUTPUT} details .run`;

/** Clicks a run button; ms from the click to the run's first output on screen (page clock). */
async function clickToFirstOutput(page, button) {
  await page.evaluate(
    ({ OUTPUT, RUNS_SHOWN }) => {
      const region = document.querySelector(OUTPUT);
      const shown = document.querySelectorAll(RUNS_SHOWN).length;
      window.__bench = { clicked: null, output: null };
      document.addEventListener('click', () => (window.__bench.clicked ??= performance.now()), {
        capture: true,
        once: true,
      });
      const seen = () => {
        const live = region.querySelector('.run-live .run-output');
        return Boolean(live?.textContent) || document.querySelectorAll(RUNS_SHOWN).length > shown;
      };
      const observer = new MutationObserver(() => {
        if (!seen()) return;
        window.__bench.output = performance.now();
        observer.disconnect();
      });
      observer.observe(region, { subtree: true, childList: true, characterData: true });
    },
    { OUTPUT, RUNS_SHOWN },
  );
  await page.getByRole('button', { name: button }).click();
  await page.waitForFunction(() => window.__bench.output !== null, null, { timeout: 120_000 });
  return page.evaluate(() => Math.round(window.__bench.output - window.__bench.clicked));
}

/** Waits for the newest run to finish; its header's "ready in" + "ran in" (ms), the runner's own split. */
async function finishedRun(page, count) {
  await page.waitForFunction(
    ({ RUNS_SHOWN, count }) => document.querySelectorAll(RUNS_SHOWN).length >= count,
    { RUNS_SHOWN, count },
    { timeout: 120_000 },
  );
  const header = (await page.locator(`${OUTPUT} .run`).first().locator('.run-header').textContent()) ?? '';
  const times = /(?:ready in ([\d.]+) (ms|s) · )?ran in ([\d.]+) (ms|s) ·/.exec(header);
  if (!times || !/finished|tests passed/.test(header)) throw new Error(`unexpected run: ${header}`);
  const ms = (value, unit) => (value === undefined ? 0 : Number(value) * (unit === 's' ? 1000 : 1));
  return { ready: ms(times[1], times[2]), ran: ms(times[3], times[4]) };
}

/**
 * The median of 5 readings of `renderersPss`, a second apart (a reading moves with GC and the
 * like), with the processes of the median reading.
 */
async function idleMemory(browser, page) {
  const readings = [];
  for (let i = 0; i < 5; i++) {
    if (i > 0) await page.waitForTimeout(1000);
    readings.push(await renderersPss(browser));
  }
  if (readings.includes(null)) return null;
  readings.sort((a, b) => a.mb - b.mb);
  return readings[2];
}

/** PSS of all the browser's renderer processes (MB; and each one's), or null where /proc is not there. */
async function renderersPss(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const each = processInfo
      .filter((p) => p.type === 'renderer')
      .map(({ id }) => {
        const rollup = fs.readFileSync(`/proc/${id}/smaps_rollup`, 'utf8');
        return Math.round(Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024);
      })
      .sort((a, b) => b - a);
    return { mb: each.reduce((sum, n) => sum + n, 0), each };
  } catch {
    return null;
  } finally {
    await cdp.detach();
  }
}

/** One build under test: its server, and the rooms the benchmark opens on it. */
async function serve(label, dir) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-runner-'));
  const { proc, url } = await startServer(dataDir, {}, dir);
  const post = (body) =>
    fetch(`${url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  /** A new coding room opened in a new context; resolves when the page is connected. */
  const openRoom = async (browser) => {
    const room = await post({ roundType: 'coding', name: 'Bench' });
    const context = await browser.newContext();
    await context.addInitScript(
      // Not in the runner's sandbox frame, which has no storage.
      ([id, secret]) => window === window.top && localStorage.setItem(`mockloop:secret:${id}`, secret),
      [room.roomId, room.secret],
    );
    const page = await context.newPage();
    const openedAt = performance.now();
    await page.goto(`${url}/r/${room.roomId}`);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    return { room, context, page, openedAt };
  };
  const close = () => {
    proc.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { label, url, openRoom, close };
}

/** A Python first run in a new browser: at once (cold) or `waitMs` after the room page opened. */
async function firstRun(build, waitMs) {
  const browser = await launchChromium();
  try {
    const { page, openedAt } = await build.openRoom(browser);
    await setCode(page, 'print("ready")\n');
    const left = waitMs - (performance.now() - openedAt);
    if (left > 0) await page.waitForTimeout(left);
    const ms = await clickToFirstOutput(page, 'Run code');
    await finishedRun(page, 1); // and it did run (a box that failed to load shows a run too)
    return ms;
  } finally {
    await browser.close();
  }
}

/** One room with a question: idle memory, warm and back-to-back Python runs, JavaScript, memory again. */
async function session(build) {
  const browser = await launchChromium();
  try {
    const { room, page, openedAt } = await build.openRoom(browser);
    const socketio = await import('socket.io-client');
    const s = socketio.io(build.url, { transports: ['websocket'] });
    await s.emitWithAck('room:join', { roomId: room.roomId, secret: room.secret });
    await s.emitWithAck('interviewer:select-question', { questionId: 'netflix-mle-top-k-trending' });
    await s.emitWithAck('interviewer:reveal-question', {});
    s.disconnect();
    const solution = fs.readFileSync(
      path.join(root, 'questions/netflix-mle/04-top-k-trending/solution.py'),
      'utf8',
    );
    await page.getByRole('heading', { name: 'Top K trending movies in the last hour' }).first().waitFor();
    await setCode(page, `print("start")\n${solution}`);
    const sandboxFrames = () => page.evaluate(() => document.querySelectorAll('iframe[sandbox]').length);
    await page.waitForTimeout(Math.max(0, IDLE_MS - (performance.now() - openedAt)));
    const memoryOpen = { pss: await idleMemory(browser, page), frames: await sandboxFrames() };

    let count = 0;
    const warm = [];
    const backToBack = [];
    const split = [];
    for (let i = 0; i < RUNS; i++) {
      if (i > 0) await page.waitForTimeout(SPARES_WARM_MS);
      warm.push(await clickToFirstOutput(page, 'Run code'));
      await finishedRun(page, ++count);
      backToBack.push(await clickToFirstOutput(page, 'Run tests'));
      const { ready, ran } = await finishedRun(page, ++count);
      split.push(`${ready}+${ran}`);
    }
    await page.getByLabel('Language').selectOption('javascript');
    await setCode(page, 'let s = 0;\nfor (let i = 0; i < 1e5; i++) s += i;\nconsole.log(s);\n');
    const js = [];
    for (let i = 0; i < RUNS; i++) {
      js.push(await clickToFirstOutput(page, 'Run code'));
      await finishedRun(page, ++count);
    }
    // Back to Python, as the room was, and idle.
    await page.getByLabel('Language').selectOption('python');
    await page.waitForTimeout(IDLE_MS);
    const memoryAfter = { pss: await idleMemory(browser, page), frames: await sandboxFrames() };
    return { warm, backToBack, split, js, memoryOpen, memoryAfter };
  } finally {
    await browser.close();
  }
}

const builds = [];
if (BEFORE) builds.push(await serve(`before (${path.basename(BEFORE)})`, path.resolve(BEFORE)));
builds.push(await serve('after (this build)', root));
try {
  const figures = new Map(builds.map((b) => [b, { cold: [], opened: [], sessions: [] }]));
  // Alternating builds, so a busier minute of the machine falls on both.
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const build of builds) figures.get(build).cold.push(await firstRun(build, 0));
    for (const build of builds) figures.get(build).opened.push(await firstRun(build, ROOM_OPEN_MS));
  }
  for (const build of builds) figures.get(build).sessions.push(await session(build));

  const ms = (xs) => `${median(xs).toFixed(0)} ms`;
  const memory = (m) => (m.pss === null ? 'n/a' : `${m.pss.mb} MB (${m.frames} boxes)`);
  const processes = (m) => (m.pss === null ? [] : [`${m.pss.each.join(' + ')} MB`]);
  const rows = [
    ['Python cold first run, new browser', (f) => ms(f.cold), (f) => f.cold],
    ['Python first run, room open 10 s', (f) => ms(f.opened), (f) => f.opened],
    ['Python warm run (Run code)', (f) => ms(f.sessions[0].warm), (f) => f.sessions[0].warm],
    [
      'Run tests straight after Run code',
      (f) => ms(f.sessions[0].backToBack),
      (f) => f.sessions[0].backToBack,
    ],
    ['  its "ready in" + "ran in"', () => '', (f) => f.sessions[0].split],
    ['JavaScript run', (f) => ms(f.sessions[0].js), (f) => f.sessions[0].js],
    [
      'tab memory, idle, room open 15 s',
      (f) => memory(f.sessions[0].memoryOpen),
      (f) => processes(f.sessions[0].memoryOpen),
    ],
    [
      'tab memory, idle, 15 s after the runs',
      (f) => memory(f.sessions[0].memoryAfter),
      (f) => processes(f.sessions[0].memoryAfter),
    ],
  ];
  console.log(
    `runner benchmark, headless Chromium on this machine (load ${os.loadavg()[0].toFixed(1)} at the end): ` +
      `click to first output on screen, median of runs (${COLD_RUNS} cold and room-open-10-s, ${RUNS} others); ` +
      'memory: PSS of all renderer processes',
  );
  const width = 40;
  const column = 26;
  console.log(`${''.padEnd(width)}${builds.map((b) => b.label.padEnd(column)).join('')}`);
  for (const [name, value] of rows) {
    console.log(`${name.padEnd(width)}${builds.map((b) => value(figures.get(b)).padEnd(column)).join('')}`);
  }
  console.log('\nsamples:');
  for (const build of builds) {
    for (const [name, , samples] of rows) {
      const xs = samples(figures.get(build));
      if (xs.length > 0) console.log(`  ${build.label}, ${name.trim()}: ${xs.join(', ')}`);
    }
  }
} finally {
  for (const build of builds) build.close();
}
