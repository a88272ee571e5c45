#!/usr/bin/env node
/**
 * Replay benchmark (not a test): a generated 60-minute interview (20,000 keystrokes from two
 * people, 2,000 board edits, private notes, runs, hints) written into a real server's SQLite
 * store, then the report opened in headless Chromium by the interviewer. Prints:
 *
 * - first frame: from navigation to the replay's code editor showing the moment (and to the
 *   board's canvas), opened at the start and from a `?t=` link to minute 45;
 * - seek: setting the slider to random positions, until the next frame has been painted;
 * - memory: the page's JavaScript heap after load and after the seeks (after a GC);
 * - what was fetched: rows, bytes.
 *
 *   npm run bench:replay -- [--keystrokes 20000] [--board-edits 2000] [--seeks 200] [--json out.json]
 *     [--screenshot replay.png]    the replay at minute 45, as the report shows it
 *     [--diag]                     the resource timeline of each load, the synchronous part of a seek
 *     [--profile out.cpuprofile]   a CPU profile of the page over the seeks, with an unminified
 *                                  client build (read it with bench/load/profileSummary.mjs)
 *
 * Needs the build (npm run bench:replay builds) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { io } from 'socket.io-client';
import { createApp } from '../../server/dist/createApp.js';
import { writeInterview } from './interview.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const keystrokes = Number(flag('keystrokes', 20_000));
const boardEdits = Number(flag('board-edits', 2000));
const seeks = Number(flag('seeks', 200));
const profileOut = flag('profile');
/** --diag: each page's resource timeline and first-frame marks, and the synchronous part of a seek. */
const diag = args.includes('--diag');
const progress = (message) => process.stderr.write(`[bench:replay] ${message}\n`);

/** The client to serve: the build, or for a profile one with readable function names. */
async function clientDir() {
  if (!profileOut) return path.join(repo, 'client/dist');
  const { build } = await import('vite');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-replay-client-'));
  process.on('exit', () => fs.rmSync(outDir, { recursive: true, force: true }));
  progress('building an unminified client for the profile');
  await build({
    root: path.join(repo, 'client'),
    configFile: path.join(repo, 'client/vite.config.ts'),
    logLevel: 'error',
    build: { outDir, minify: false },
  });
  return outDir;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-replay-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
const app = await createApp({
  dataDir,
  questionsDir: path.join(repo, 'questions'),
  clientDir: await clientDir(),
});
const port = await app.listen(0, '127.0.0.1');
const url = `http://127.0.0.1:${port}`;

// A room and its two people, through the real API.
const created = await (
  await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roundType: 'coding', name: 'Ivy' }),
  })
).json();
async function join(payload) {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  const ack = await socket.emitWithAck('room:join', payload);
  socket.disconnect();
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}
const ivy = await join({ roomId: created.roomId, secret: created.secret });
const cal = await join({ roomId: created.roomId, name: 'Cal' });
progress(`writing a 60-minute interview: ${keystrokes} keystrokes, ${boardEdits} board edits`);
const written = await writeInterview(app.store, {
  roomId: created.roomId,
  interviewerId: ivy.self.id,
  candidateId: cal.self.id,
  keystrokes,
  boardEdits,
  corpus: referenceSolutions(),
});

/** The bank's reference solutions: the code the generated candidate types. */
function referenceSolutions() {
  const bank = path.join(repo, 'questions');
  const files = [];
  for (const track of fs.readdirSync(bank, { withFileTypes: true })) {
    if (!track.isDirectory()) continue;
    for (const question of fs.readdirSync(path.join(bank, track.name))) {
      const file = path.join(bank, track.name, question, 'solution.py');
      if (fs.existsSync(file)) files.push(fs.readFileSync(file, 'utf8'));
    }
  }
  return files.join('\n\n');
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

/**
 * Records, in the page, when the replay first shows its moment (performance.now(), from
 * navigation): the code editor, then the board's canvas, each once the views are no longer
 * waiting for rows (aria-busy) and the next frame has painted; and when every row is in.
 */
function watchFirstFrame() {
  const marks = {};
  window.__replayMarks = marks;
  const after = (name) => {
    marks[`${name}InDom`] = performance.now();
    requestAnimationFrame(() => {
      marks[name] = performance.now();
    });
  };
  const check = () => {
    const views = document.querySelector('.replay-views');
    if (!views || views.getAttribute('aria-busy') === 'true') return;
    if (!marks.codeInDom && views.querySelector('.replay-code .cm-content .cm-line')) after('code');
    if (!marks.boardInDom && views.querySelector('.replay-board canvas.excalidraw__canvas.static'))
      after('board');
    if (!marks.loadedInDom && !document.querySelector('.replay-progress')) after('loaded');
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

async function openReport(query) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(
    ([roomId, secret]) => localStorage.setItem(`mockloop:secret:${roomId}`, secret),
    [created.roomId, created.secret],
  );
  await context.addInitScript(watchFirstFrame);
  const page = await context.newPage();
  page.on('pageerror', (err) => progress(`page error: ${err.stack}`));
  const fetched = { bytes: 0, requests: 0 };
  page.on('response', async (res) => {
    if (!res.url().includes('/replay/')) return;
    fetched.requests++;
    fetched.bytes += (await res.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(`${url}/r/${created.roomId}/report${query}`);
  await page.waitForFunction(
    () => ['code', 'board', 'loaded'].every((m) => window.__replayMarks?.[m]),
    null,
    {
      timeout: 120_000,
    },
  );
  const marks = await page.evaluate(() => window.__replayMarks);
  if (diag) {
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => [
          e.name.replace(location.origin, ''),
          Math.round(e.startTime),
          Math.round(e.responseEnd),
          e.encodedBodySize,
        ]),
    );
    for (const e of entries) progress(`  ${e[1]}-${e[2]} ms ${e[3]} B ${e[0]}`);
    progress(`  marks ${JSON.stringify(marks)}`);
  }
  return { context, page, marks, fetched };
}

const heapMiB = async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
};

let result;
try {
  progress('opening the report at the start');
  const atStart = await openReport('');
  await atStart.context.close();
  progress('opening the report from a link to minute 45');
  const linked = await openReport('?round=1&t=2700');
  const { page } = linked;
  const code45 = await page.locator('.replay-code .cm-content').textContent();
  const screenshot = flag('screenshot');
  if (screenshot) {
    await page.locator('section.replay').scrollIntoViewIfNeeded();
    await page.locator('section.replay').screenshot({ path: screenshot });
    progress(`screenshot of the replay at minute 45 written to ${screenshot}`);
  }
  const heapAfterLoad = await heapMiB(page);

  progress(`seeking to ${seeks} random positions`);
  const profiler = profileOut ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  const seekMs = await page.evaluate(async (count) => {
    let state = 12345;
    const random = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    };
    const slider = document.querySelector('input[aria-label="Replay position"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const max = Number(slider.max);
    const times = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      setValue.call(slider, String(Math.floor(random() * max)));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const handled = performance.now() - t0;
      // Until the frame with the new position has been painted.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - t0);
      window.__handled = [...(window.__handled ?? []), handled];
    }
    return times;
  }, seeks);
  if (diag) {
    const handled = (await page.evaluate(() => window.__handled)).sort((a, b) => a - b);
    progress(
      `  synchronous part of a seek: median ${handled[handled.length >> 1].toFixed(1)} ms, p95 ${handled[Math.floor(handled.length * 0.95)].toFixed(1)} ms`,
    );
  }
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    fs.writeFileSync(profileOut, JSON.stringify(profile));
    progress(`profile of the seeks written to ${profileOut}`);
  }
  const heapAfterSeeks = await heapMiB(page);

  // Play at 16x for a few seconds: frames painted and the position reached.
  const play = await page.evaluate(async () => {
    const slider = document.querySelector('input[aria-label="Replay position"]');
    const speed = document.querySelector('.replay-controls select');
    const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
    setValue.call(speed, '16');
    speed.dispatchEvent(new Event('change', { bubbles: true }));
    const button = document.querySelector('.replay-play');
    const from = Number(slider.value);
    let frames = 0;
    const startedAt = performance.now();
    button.click();
    await new Promise((resolve) => {
      const tick = () => {
        frames++;
        if (performance.now() - startedAt >= 3000) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    button.click();
    return {
      frames,
      seconds: (performance.now() - startedAt) / 1000,
      advancedMs: Number(slider.value) - from,
    };
  });
  await linked.context.close();

  const quantiles = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { median: pick(0.5), p95: pick(0.95), max: sorted.at(-1), count: list.length };
  };
  result = {
    interview: { keystrokes, boardEdits, rows: written.rows, elements: written.elements },
    firstFrame: {
      start: { codeMs: atStart.marks.code, boardMs: atStart.marks.board, allRowsMs: atStart.marks.loaded },
      minute45: { codeMs: linked.marks.code, boardMs: linked.marks.board, allRowsMs: linked.marks.loaded },
    },
    fetched: linked.fetched,
    seekMs: quantiles(seekMs),
    // The first seeks find nothing drawn before (Excalidraw draws every changed element anew).
    firstSeeksMs: quantiles(seekMs.slice(0, 40)),
    heapMiB: { afterLoad: heapAfterLoad, afterSeeks: heapAfterSeeks },
    play,
    codeAtMinute45Chars: code45.length,
  };
} finally {
  await browser.close();
  await app.close();
}

const ms = (v) => `${v.toFixed(0)} ms`;
const r = result;
console.log('Replay benchmark: a generated 60-minute interview, opened in the report in headless Chromium');
console.log(
  `interview         ${r.interview.rows.code} code rows (${keystrokes} keystrokes + runs), ${r.interview.rows.board} board rows (${r.interview.elements} elements), ${r.interview.rows.notes} notes rows`,
);
console.log(
  `fetched           ${r.fetched.requests} requests, ${(r.fetched.bytes / 2 ** 20).toFixed(2)} MiB of rows`,
);
console.log(
  `first frame       at the start: code ${ms(r.firstFrame.start.codeMs)}, board ${ms(r.firstFrame.start.boardMs)}; every row in at ${ms(r.firstFrame.start.allRowsMs)}   (target < 1000 ms from navigation)`,
);
console.log(
  `                  ?t= minute 45: code ${ms(r.firstFrame.minute45.codeMs)}, board ${ms(r.firstFrame.minute45.boardMs)}; every row in at ${ms(r.firstFrame.minute45.allRowsMs)}`,
);
console.log(
  `seek              median ${r.seekMs.median.toFixed(1)} ms, p95 ${r.seekMs.p95.toFixed(1)} ms, max ${r.seekMs.max.toFixed(1)} ms over ${r.seekMs.count} random seeks   (target p95 < 50 ms, to the painted frame)`,
);
console.log(
  `  the first 40     median ${r.firstSeeksMs.median.toFixed(1)} ms, p95 ${r.firstSeeksMs.p95.toFixed(1)} ms   (before any element version has been drawn twice)`,
);
console.log(
  `memory            JS heap ${r.heapMiB.afterLoad.toFixed(1)} MiB after load, ${r.heapMiB.afterSeeks.toFixed(1)} MiB after the seeks   (target < 100 MB)`,
);
console.log(
  `play at 16x       ${r.play.frames} frames in ${r.play.seconds.toFixed(1)} s (${(r.play.frames / r.play.seconds).toFixed(0)} fps), advanced ${(r.play.advancedMs / 1000).toFixed(0)} s of interview`,
);
const out = flag('json');
if (out) fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
