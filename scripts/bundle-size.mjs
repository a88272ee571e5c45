#!/usr/bin/env node
// Reports the gzipped JavaScript each page loads before it is usable, from Vite's build manifest,
// and fails when the home page or the room exceeds its budget. Run after `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const HOME_BUDGET_KB = 250;
/** Issue 16's target for the room's initial JS. */
const ROOM_BUDGET_KB = 250;
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
// What the room loads before its editor takes a keystroke; the language's grammar comes after
// (CodeEditor reconfigures it in), and so do completion and bracket closing (editorSetup.ts).
const room = closure([entryKey, roomKey]);
const roomWithPython = closure([entryKey, roomKey, pythonKey].filter(Boolean));

const kb = (bytes) => (bytes / 1024).toFixed(1);
const sizes = { home: gz(home), room: gz(room), roomWithPython: gz(roomWithPython) };
console.log('page                     gzipped JS');
console.log(`home (/)                 ${kb(sizes.home)} KB   (budget ${HOME_BUDGET_KB} KB)`);
console.log(
  `room (/r/:id)            ${kb(sizes.room)} KB   (budget ${ROOM_BUDGET_KB} KB: home + room chunk)`,
);
console.log(
  `room, Python highlighted ${kb(sizes.roomWithPython)} KB   (+ the default language, loaded after)`,
);
const over = [
  ['Home page', sizes.home / 1024, HOME_BUDGET_KB],
  ['Room page', sizes.room / 1024, ROOM_BUDGET_KB],
].filter(([, size, budget]) => size > budget);
for (const [page, size, budget] of over) {
  console.error(`${page} JS is ${size.toFixed(1)} KB gzipped, over the ${budget} KB budget.`);
}
if (over.length > 0) process.exit(1);
