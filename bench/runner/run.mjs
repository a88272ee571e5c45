#!/usr/bin/env node
// Runner benchmark (not a test): times code runs in headless Chromium against a real server.
//   Python cold start to first output (a fresh browser context each time, so nothing is cached;
//   the room's spare sandbox starts loading Python when the page opens, the click comes as soon
//   as the code is in), a run of a question's public tests in Python once the spare sandbox is
//   warm, the same run back to back (every run gets a fresh sandbox, so the next one waits for
//   the spare still loading Python), a JavaScript run back to back, and an infinite loop to its
//   stop at the time limit (the end-to-end test checks that it stops, this how long it takes).
// Prints the median of several runs. Usage: npm run bench:runner [-- --runs 5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, median, setCode, startServer, timedRun } from '../support/browserBench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const COLD_RUNS = Math.max(1, Math.min(RUNS, 3));
/** Time for the spare sandbox to load Python after a run (about 2 s here), with a margin. */
const SPARE_WARMS_MS = 4000;

async function openRoom(browser, url, room) {
  const context = await browser.newContext();
  await context.addInitScript(
    // Not in the runner's sandbox frame, which has no storage.
    ([id, secret]) => window === window.top && localStorage.setItem(`mockloop:secret:${id}`, secret),
    [room.roomId, room.secret],
  );
  const page = await context.newPage();
  await page.goto(`${url}/r/${room.roomId}`);
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  return { context, page };
}

/** Runs the page's code, which never ends, and returns the run's time as the page shows it. */
async function timedStop(page, expectRuns) {
  await page.getByRole('button', { name: 'Run code' }).click();
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[aria-label="Output"] article.run, [aria-label="Output"] details .run')
        .length >= n,
    expectRuns,
    { timeout: 120_000 },
  );
  const header =
    (await page
      .getByRole('region', { name: 'Output' })
      .locator('.run')
      .first()
      .locator('.run-header')
      .textContent()) ?? '';
  const ran = /ran in ([\d.]+) (ms|s) ·/.exec(header);
  if (!ran || !header.includes('stopped: time limit')) throw new Error(`unexpected run: ${header}`);
  return Number(ran[1]) * (ran[2] === 's' ? 1000 : 1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-runner-'));
const { proc, url } = await startServer(dataDir);
const browser = await launchChromium();
try {
  const post = (body) =>
    fetch(`${url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json());

  // Python cold start: a new room and a new browser context each time (empty cache, new worker).
  const cold = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const room = await post({ roundType: 'coding', name: 'Bench' });
    const { context, page } = await openRoom(browser, url, room);
    await setCode(page, 'print("ready")\n');
    cold.push(await timedRun(page, 'Run code', 1));
    await context.close();
  }

  // Warm public tests (Python) and JavaScript runs in one page.
  const room = await post({ roundType: 'coding', name: 'Bench' });
  const { context, page } = await openRoom(browser, url, room);
  const socketio = await import('socket.io-client');
  const s = socketio.io(url, { transports: ['websocket'] });
  await s.emitWithAck('room:join', { roomId: room.roomId, secret: room.secret });
  await s.emitWithAck('interviewer:select-question', { questionId: 'netflix-mle-top-k-trending' });
  await s.emitWithAck('interviewer:reveal-question', {});
  s.disconnect();
  const solution = fs.readFileSync(
    path.join(root, 'questions/netflix-mle/04-top-k-trending/solution.py'),
    'utf8',
  );
  await page.getByRole('heading', { name: 'Top K trending movies in the last hour' }).waitFor();
  await setCode(page, solution);
  let count = 0;
  await timedRun(page, 'Run tests', ++count); // loads Python: not counted
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    await page.waitForTimeout(SPARE_WARMS_MS);
    warm.push(await timedRun(page, 'Run tests', ++count));
  }
  const backToBack = [];
  for (let i = 0; i < RUNS; i++) backToBack.push(await timedRun(page, 'Run tests', ++count));
  await page.getByLabel('Language').selectOption('javascript');
  await setCode(page, 'let s = 0;\nfor (let i = 0; i < 1e5; i++) s += i;\nconsole.log(s);\n');
  const js = [];
  for (let i = 0; i < RUNS; i++) js.push(await timedRun(page, 'Run code', ++count));
  // An infinite loop: the page's own measure of the code's time, to its stop at the 5 s limit.
  await setCode(page, 'while (true) {}\n');
  const stops = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) stops.push(await timedStop(page, ++count));
  await context.close();

  console.log('runner benchmark (headless Chromium, this machine), median of runs:');
  console.log(
    `  Python cold start to first output   ${median(cold).toFixed(0)} ms   (${COLD_RUNS} runs: ${cold.join(', ')})`,
  );
  console.log(
    `  Python warm run of 3 public tests   ${median(warm).toFixed(0)} ms   (${RUNS} runs: ${warm.join(', ')})`,
  );
  console.log(
    `  the same, back to back              ${median(backToBack).toFixed(0)} ms   (${RUNS} runs: ${backToBack.join(', ')})`,
  );
  console.log(
    `  JavaScript run                      ${median(js).toFixed(0)} ms   (${RUNS} runs: ${js.join(', ')})`,
  );
  console.log(
    `  JavaScript infinite loop, to stop   ${median(stops).toFixed(0)} ms   (limit 5000; ${stops.length} runs: ${stops.join(', ')})`,
  );
} finally {
  await browser.close();
  proc.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
