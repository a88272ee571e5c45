/**
 * Summarises a V8 .cpuprofile (from `--profile`): self time by function and by module, so the
 * costs per keystroke can be read without a browser.
 *
 *   node bench/load/profileSummary.mjs <file.cpuprofile> [--window <fromUs>,<toUs>] [--top 25]
 *
 * --window keeps only the samples of the measured window (`server.windowUs` in the results JSON),
 * leaving out start-up, room setup and shutdown.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { window: { type: 'string' }, top: { type: 'string', default: '25' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write(
    'usage: node bench/load/profileSummary.mjs <file.cpuprofile> [--window from,to] [--top n]\n',
  );
  process.exit(2);
}
const top = Number(values.top);
const [from, to] = values.window ? values.window.split(',').map(Number) : [-Infinity, Infinity];
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

// Self time per node: samples are node ids, timeDeltas the time since the previous sample.
const selfUs = new Map();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at >= from && at <= to) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** Where a function lives: a package, one of our files, Node's internals, or V8 itself. */
function moduleOf(url) {
  if (!url) return '(v8/native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/(server|shared)\/dist\/(.*)$/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return url.replace(/^node:internal\/(.*?)(\/.*)?$/, 'node:$1');
  return url;
}

const byFunction = new Map();
const byModule = new Map();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${moduleOf(url)}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const mod = moduleOf(url);
  byModule.set(mod, (byModule.get(mod) ?? 0) + us);
}

const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
const print = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${pct(us)}  ${key}\n`);
  }
};
process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n`);
print('Self time by module', byModule);
print('Self time by function', byFunction);
