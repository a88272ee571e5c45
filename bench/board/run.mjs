#!/usr/bin/env node
/**
 * Board benchmark (not a test): a real Excalidraw in headless Chromium, bound to a Y.Doc by the
 * app's BoardBinding, loads a 2,000-element scene from a peer and applies 1,000 of the peer's
 * edits, one update each. Prints the median and p95 time per applied remote update (synchronous:
 * Yjs decode, the binding, restore, reconcile and updateScene; and until the next frame, which
 * includes React's render) and the document's size.
 *
 *   node bench/board/run.mjs [--elements 2000] [--edits 1000] [--no-frames] [--json out.json]
 *
 * Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Builds its page with Vite into a
 * temporary directory first (about 20 s).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const elements = Number(flag('elements', 2000));
const edits = Number(flag('edits', 1000));
const frames = !args.includes('--no-frames');
const progress = (message) => process.stderr.write(`[bench:board] ${message}\n`);

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-board-'));
process.on('exit', () => fs.rmSync(outDir, { recursive: true, force: true }));

progress('building the page');
const clientModules = path.join(repo, 'client/node_modules');
await build({
  root: path.join(here, 'page'),
  configFile: false,
  logLevel: 'error',
  resolve: {
    // The app's React (19), for Excalidraw too, exactly as the client build does.
    alias: [
      { find: /^react$/, replacement: path.join(clientModules, 'react/index.js') },
      { find: /^react\/(.*)$/, replacement: path.join(clientModules, 'react/$1') },
      { find: /^react-dom$/, replacement: path.join(clientModules, 'react-dom/index.js') },
      { find: /^react-dom\/(.*)$/, replacement: path.join(clientModules, 'react-dom/$1') },
    ],
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
});

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2' };
const server = http.createServer((req, res) => {
  const file = path.join(outDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const target = file.endsWith('/') ? path.join(file, 'index.html') : file;
  if (!target.startsWith(outDir) || !fs.existsSync(target)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(target)] ?? 'application/octet-stream' });
  fs.createReadStream(target).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let result;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (err) => progress(`page error: ${err.message}`));
  progress(`running: ${elements} elements, ${edits} remote edits${frames ? ', one frame each' : ''}`);
  await page.goto(`http://127.0.0.1:${port}/?elements=${elements}&edits=${edits}&frames=${frames ? 1 : 0}`);
  await page.waitForFunction(() => window.benchResult || window.benchError, null, { timeout: 600_000 });
  const error = await page.evaluate(() => window.benchError);
  if (error) throw new Error(error);
  result = await page.evaluate(() => window.benchResult);
} finally {
  await browser.close();
  server.close();
}

const ms = (v) => `${v.toFixed(2)} ms`;
const kib = (v) => `${(v / 1024).toFixed(1)} KiB`;
console.log(`Board benchmark: real Excalidraw 0.18 in Chromium, BoardBinding, yjs`);
console.log(`scene                 ${result.elements} elements (${result.shownAfterLoad} shown after load)`);
console.log(`initial load          ${ms(result.loadMs)} (one update with the whole scene)`);
console.log(
  `remote edits          ${result.edits} (${result.mix.moves} moves, ${result.mix.adds} adds, ${result.mix.deletes} deletes)`,
);
console.log(
  `per remote update     median ${ms(result.applyMs.median)}, p95 ${ms(result.applyMs.p95)}, max ${ms(result.applyMs.max)}  (apply, synchronous)`,
);
console.log(
  `  of which           ${Object.entries(result.phases)
    .map(([phase, f]) => `${phase} ${ms(f.median)} / ${ms(f.p95)}`)
    .join(', ')}  (median / p95; the rest is Yjs and the binding)`,
);
if (result.toNextFrameMs) {
  console.log(
    `  until next frame    median ${ms(result.toNextFrameMs.median)}, p95 ${ms(result.toNextFrameMs.p95)}  (apply, React render, frame)`,
  );
}
console.log(`update message        median ${result.updateBytes.median} bytes`);
console.log(
  `document size         ${kib(result.docBytesAfterLoad)} after load, ${kib(result.docBytes)} after the edits`,
);
console.log(
  `converged             ${result.converged ? 'yes' : 'NO'} (${result.sceneElements} elements in the scene)`,
);
const out = flag('json');
if (out) fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
