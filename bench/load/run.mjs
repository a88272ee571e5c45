/**
 * Load benchmark for live rooms: our server and the reference y-websocket server on the same
 * load, room count by room count, in one run. Prints a table on stdout (progress goes to
 * stderr) and writes the JSON results. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killAll } from './children.mjs';
import { measureLoad } from './measureLoad.mjs';
import { memoryCheck } from './memoryCheck.mjs';
import { parseOptions, USAGE } from './options.mjs';
import { waitForQuiet } from './quiet.mjs';
import { formatReport, largestCarried } from './report.mjs';
import { REPO_ROOT, ServerProcess } from './ServerProcess.mjs';

const progress = (message) => process.stderr.write(`[bench] ${message}\n`);
/** How much other processes took of the pinned cores during a run. */
const disturbance = (run) => run.server.coreUsedByOthers + run.generator.coreUsedByOthers;

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

ServerProcess.setCompareLabel(options.compareLabel);

// Whatever happens, no server or generator outlives the run.
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    progress(`${signal}: stopping`);
    killAll();
    process.exit(130);
  });
}

if (!fs.existsSync(path.join(REPO_ROOT, 'server/dist/main.js'))) {
  process.stderr.write(
    'server/dist/main.js is missing: run `npm run build` first (npm run bench:load does).\n',
  );
  process.exit(2);
}
// This process only coordinates, but it must not take time from the server's core either.
execFileSync('taskset', ['-a', '-cp', options.generatorCpu, String(process.pid)], { stdio: 'ignore' });

const results = {
  startedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
  options: { ...options, help: undefined },
  runs: [],
  failures: [],
  carried: {},
  memory: null,
};
const started = performance.now();

const cpus = [options.serverCpu, options.generatorCpu];
for (const kind of options.kinds) results.carried[kind] = null;

/** One measurement, after waiting for idle cores, repeated while other processes disturb it. */
async function measureCarefully(kind, rooms, label) {
  let run;
  for (let attempt = 0; attempt <= options.retries && !(run && !run.disturbed); attempt++) {
    const busy = await waitForQuiet(cpus, { maxWaitMs: options.quietWaitMs });
    const retry = attempt ? ` (retry ${attempt})` : '';
    progress(`${label}${retry}, cores ${Math.round(busy * 100)}% busy before`);
    const attempted = await measureLoad(kind, rooms, options);
    // Keep the least disturbed attempt.
    if (!run || disturbance(attempted) < disturbance(run)) run = attempted;
    const { p50, p95, p99 } = attempted.latency;
    progress(
      `  p50 ${p50} p95 ${p95} p99 ${p99} ms, server ${attempted.server.cores} cores, ` +
        `generator loop p99 ${attempted.generator.loopDelay.p99} ms${attempted.valid ? '' : ' (INVALID)'}` +
        `${attempted.disturbed ? ', DISTURBED by other processes' : ''}`,
    );
  }
  return run;
}

// Repetitions go round the whole grid, so a slow drift of the machine touches every cell alike.
const measured = new Map();
const failed = new Set();
for (let rep = 1; rep <= options.repeat; rep++) {
  for (const rooms of options.rooms) {
    for (const kind of options.kinds) {
      // Past a room count that could not even be set up, larger ones cannot either.
      if (failed.has(kind)) continue;
      const label = `${ServerProcess.label(kind)}: ${rooms} rooms${options.repeat > 1 ? `, round ${rep}` : ''}`;
      try {
        const run = await measureCarefully(kind, rooms, label);
        const key = `${kind}:${rooms}`;
        measured.set(key, [...(measured.get(key) ?? []), run]);
      } catch (err) {
        failed.add(kind);
        results.failures.push({ kind, rooms, error: err.message });
        progress(`  failed: ${err.message.split('\n')[0]}`);
      }
    }
  }
}
// Each cell shows its median run by p95; the other rounds' p95 stay in the JSON.
for (const repeats of measured.values()) {
  const byP95 = [...repeats].sort((a, b) => (a.latency.p95 ?? Infinity) - (b.latency.p95 ?? Infinity));
  const median = byP95[Math.floor((byP95.length - 1) / 2)];
  results.runs.push({ ...median, p95Rounds: repeats.map((run) => run.latency.p95) });
}
for (const kind of options.kinds) {
  results.carried[kind] = largestCarried(results.runs.filter((run) => run.kind === kind));
}

if (options.memoryRooms > 0 && options.kinds.includes('ours')) {
  await waitForQuiet(cpus, { maxWaitMs: options.quietWaitMs });
  progress(`memory check: ${options.memoryRooms} rooms opened and closed, twice`);
  try {
    results.memory = await memoryCheck(options.memoryRooms, options);
  } catch (err) {
    results.failures.push({ kind: 'memory', rooms: options.memoryRooms, error: err.message });
    progress(`  failed: ${err.message.split('\n')[0]}`);
  }
}

results.seconds = Math.round((performance.now() - started) / 1000);
const report = formatReport(results, options);
const failures = results.failures.map(
  (f) => `Failed: ${f.kind} at ${f.rooms} rooms: ${f.error.split('\n')[0]}`,
);
process.stdout.write(`${[report, ...failures].join('\n')}\n`);
fs.mkdirSync(path.dirname(options.out), { recursive: true });
fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
progress(`done in ${results.seconds} s; results in ${path.relative(process.cwd(), options.out)}`);
process.exit(0);
