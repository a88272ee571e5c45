#!/usr/bin/env node
// Reports the gzipped JavaScript each page loads before it is usable, from Vite's build manifest,
// and fails when the home page exceeds its budget. Run after `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const HOME_BUDGET_KB = 250;
const dist = path.resolve(import.meta.dirname, '../client/dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

/** Files a chunk loads eagerly: itself and its static imports, transitively. */
function closure(keys, seen = new Set()) {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) continue;
    seen.add(chunk.file);
    closure(chunk.imports ?? [], seen);
  }
  return seen;
}

const gz = (files) =>
  [...files]
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);

// The app's entry (the build has a second one, the code runner's sandbox page).
const entryKey = 'index.html';
const roomKey = Object.keys(manifest).find((k) => k.endsWith('pages/RoomPage.tsx'));
const pythonKey = Object.keys(manifest).find((k) => k.includes('@codemirror/lang-python'));
const home = closure([entryKey]);
const room = closure([entryKey, roomKey, pythonKey].filter(Boolean));

const kb = (bytes) => (bytes / 1024).toFixed(1);
const homeKb = gz(home) / 1024;
console.log('page                     gzipped JS');
console.log(`home (/)                 ${kb(gz(home))} KB   (budget ${HOME_BUDGET_KB} KB)`);
console.log(`room (/r/:id, Python)    ${kb(gz(room))} KB   (home + room chunk + default language)`);
if (homeKb > HOME_BUDGET_KB) {
  console.error(`Home page JS is ${homeKb.toFixed(1)} KB gzipped, over the ${HOME_BUDGET_KB} KB budget.`);
  process.exit(1);
}
