#!/usr/bin/env node
/**
 * `npm run bench:checkpoint`: what a checkpoint costs the event loop (issue 30). One code document
 * grows to about 400 KB by typed lines, through the real DocManager over a SQLite file, while the
 * loop's delay is sampled. Two modes in the same run: checkpoints encoded on the event loop (the
 * encoder made to fail, so DocManager falls back to encoding the live copy there: what every
 * checkpoint did before) and on the encoder's thread. Prints the loop delay p50, p99 and max of
 * each, and the checkpoints written. What remains in the thread mode's max is the store's own
 * synchronous writes (better-sqlite3: the checkpoint's blob, and the old one overwritten by
 * secure_delete), which both modes pay.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { docName } from '@mockloop/shared';
import { DocManager } from '../../server/dist/documents/DocManager.js';
import { SqliteStore } from '../../server/dist/store/SqliteStore.js';

const LINES = Number(process.argv.find((a) => a.startsWith('--lines='))?.slice(8) ?? 3000);
const LINE = `${'x'.repeat(120)}\n`;

async function run(mode) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-checkpoint-'));
  const store = new SqliteStore(path.join(dir, 'bench.sqlite'));
  let written = 0;
  const write = store.writeCheckpoint.bind(store);
  store.writeCheckpoint = async (name, checkpoint) => {
    written++;
    await write(name, checkpoint);
  };
  const onLoop = {
    encode: () => Promise.reject(new Error('bench: encode on the loop')),
    close: async () => {},
  };
  const docs = new DocManager(store, {
    onError: () => {},
    ...(mode === 'event loop' ? { checkpointEncoder: onLoop } : {}),
  });
  const name = docName('benchCheckpointRoom000', 'code', 1);
  const shared = await docs.acquire(name);
  const text = shared.doc.getText('code');
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  for (let i = 0; i < LINES; i++) {
    // A line typed somewhere in the middle, one update per turn, as a peer's would arrive.
    text.insert(Math.floor((text.length * ((i * 7919) % 1000)) / 1000), LINE);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await docs.flush();
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const bytes = text.length;
  docs.release(name);
  await docs.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const ms = (ns) => (ns / 1e6).toFixed(1);
  return {
    mode,
    text: `${(bytes / 1024).toFixed(0)} KB`,
    checkpoints: written,
    'loop delay p50 ms': ms(delay.percentile(50)),
    'p99 ms': ms(delay.percentile(99)),
    'max ms': ms(delay.max),
    'run s': seconds.toFixed(1),
  };
}

const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
const rows = [];
// Alternating, so a busy moment of the machine falls on both modes alike.
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of ['event loop', 'thread']) rows.push(await run(mode));
}
console.log(
  `Checkpoints of one code document typed to ${LINES} lines of ${LINE.length} characters (load ${os.loadavg()[0].toFixed(1)}):`,
);
console.table(rows);
