#!/usr/bin/env node
// Call benchmark (not a test): two people in a room in headless Chromium with fake camera and
// microphone, on loopback (run it through scripts/loopback-only.sh, as `npm run bench:call` does).
//   Join to media: the candidate is in the call and waiting; the interviewer clicks Join call; the
//     time until the interviewer's page has decoded the candidate's video and received audio.
//   Outbound bitrate: what one page sends (audio and video) over a window once the call settled.
// Prints the median over --runs calls (default 5). Usage: npm run bench:call [-- --runs 5 --window 10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, median, startServer } from '../support/browserBench.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const WINDOW_S = arg('window', 10);
const SETTLE_S = 5;

/** Keeps the page's peer connections where the benchmark can read their stats. */
function recordPeerConnections() {
  const Native = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Native {
    constructor(config) {
      super(config);
      window.__pcs.push(this);
    }
  };
}

/** Inbound frames decoded and audio bytes, outbound bytes by kind, over the open connections. */
const figures = (page) =>
  page.evaluate(async () => {
    const out = { framesDecoded: 0, audioIn: 0, audioOut: 0, videoOut: 0 };
    for (const pc of window.__pcs ?? []) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') out.framesDecoded += s.framesDecoded ?? 0;
        if (s.type === 'inbound-rtp' && s.kind === 'audio') out.audioIn += s.bytesReceived ?? 0;
        if (s.type === 'outbound-rtp' && s.kind === 'audio') out.audioOut += s.bytesSent ?? 0;
        if (s.type === 'outbound-rtp' && s.kind === 'video') out.videoOut += s.bytesSent ?? 0;
      });
    }
    return out;
  });

async function person(browser, url) {
  const context = await browser.newContext();
  await context.grantPermissions(['camera', 'microphone'], { origin: url });
  await context.addInitScript(recordPeerConnections);
  return { context, page: await context.newPage() };
}

async function oneCall(browser, url) {
  const ivy = await person(browser, url);
  const cal = await person(browser, url);
  await ivy.page.goto(url);
  await ivy.page.getByLabel('Your name').fill('Ivy');
  await ivy.page.getByRole('button', { name: 'Create room' }).click();
  await ivy.page.waitForURL(/\/r\//);
  await cal.page.goto(ivy.page.url());
  await cal.page.getByLabel('Your name').fill('Cal');
  await cal.page.getByRole('button', { name: 'Join room' }).click();
  await cal.page.getByRole('button', { name: 'Join call' }).click();
  await cal.page.getByRole('region', { name: 'Call' }).getByText('Waiting').waitFor();

  const clicked = performance.now();
  await ivy.page.getByRole('button', { name: 'Join call' }).click();
  let flowing = null;
  while (performance.now() - clicked < 30_000) {
    const f = await figures(ivy.page);
    if (f.framesDecoded > 0 && f.audioIn > 0) {
      flowing = performance.now() - clicked;
      break;
    }
    await ivy.page.waitForTimeout(20);
  }
  if (flowing === null) {
    const status = async (p) => p.getByRole('region', { name: 'Call' }).getByRole('status').textContent();
    const states = (p) =>
      p.evaluate(() =>
        (window.__pcs ?? []).map(
          (pc) => `${pc.signalingState}/${pc.iceGatheringState}/${pc.connectionState}`,
        ),
      );
    throw new Error(
      `no media within 30 s: Ivy "${await status(ivy.page)}" ${await states(ivy.page)}, Cal "${await status(cal.page)}" ${await states(cal.page)}`,
    );
  }

  await ivy.page.waitForTimeout(SETTLE_S * 1000);
  const before = await figures(ivy.page);
  await ivy.page.waitForTimeout(WINDOW_S * 1000);
  const after = await figures(ivy.page);
  await ivy.context.close();
  await cal.context.close();
  const kbps = (bytes) => (bytes * 8) / WINDOW_S / 1000;
  return {
    flowing,
    audio: kbps(after.audioOut - before.audioOut),
    video: kbps(after.videoOut - before.videoOut),
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-call-'));
const server = await startServer(dataDir);
const browser = await launchChromium([
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  // Host candidates as addresses, not mDNS names: the namespace has no multicast to resolve them.
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
]);
try {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await oneCall(browser, server.url);
    console.error(
      `[bench:call] run ${i + 1}: media after ${r.flowing.toFixed(0)} ms, sends ${r.audio.toFixed(0)} + ${r.video.toFixed(0)} kbit/s`,
    );
    results.push(r);
  }
  console.log(
    `Call benchmark: ${RUNS} calls between two Chromium pages on loopback (fake camera 640x480 and microphone)`,
  );
  console.log(
    `Join call to media flowing   median ${median(results.map((r) => r.flowing)).toFixed(0)} ms (min ${Math.min(...results.map((r) => r.flowing)).toFixed(0)}, max ${Math.max(...results.map((r) => r.flowing)).toFixed(0)})`,
  );
  console.log(
    `outbound bitrate, one page   audio ${median(results.map((r) => r.audio)).toFixed(0)} kbit/s, video ${median(results.map((r) => r.video)).toFixed(0)} kbit/s (median; ${WINDOW_S} s window after ${SETTLE_S} s)`,
  );
} finally {
  await browser.close();
  server.proc.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
