/**
 * A runner worker process (`node server/dist/runnerWorkerMain.js`), for several machines:
 * it runs code sent by the Mockloop nodes through Redis (REDIS_URL, REDIS_PREFIX) in this
 * machine's sandbox, RUNNER_CONCURRENCY at once. Prints one line when ready; SIGTERM finishes
 * what it runs, then exits.
 */
import { loadRunnerSettings } from './config/loadConfig.js';
import { RunnerWorker } from './execution/RunnerWorker.js';
import type { RunnerSettings } from './execution/runnerSettings.js';
import { SandboxExecutor } from './execution/SandboxExecutor.js';
import { createLogger } from './logging/createLogger.js';

const url = process.env.REDIS_URL;
if (!url) {
  console.error('A runner worker needs REDIS_URL.');
  process.exit(1);
}
process.on('unhandledRejection', (reason) => console.error('[runner] unhandled rejection:', reason));
let settings: RunnerSettings;
try {
  settings = loadRunnerSettings(process.env);
} catch (err) {
  // One line naming the variable, its value and what is allowed (server/src/config).
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
const executor = await SandboxExecutor.start({
  limits: settings.limits,
  cacheRoot: settings.cacheDir,
  languages: settings.languages,
});
const log = createLogger({
  level: process.env.LOG_LEVEL || 'info',
  format:
    process.env.LOG_FORMAT === 'pretty' || (!process.env.LOG_FORMAT && process.stdout.isTTY)
      ? 'pretty'
      : 'json',
});
const worker = new RunnerWorker(
  url,
  process.env.REDIS_PREFIX || 'mockloop:',
  executor,
  settings.concurrency,
  log,
  process.env.WORKER_ID || undefined,
);
await worker.start();
const can = Object.entries(executor.availability)
  .filter(([, s]) => s.available)
  .map(([l]) => l);
console.log(
  `Runner worker ${worker.id} is ready: ${can.join(', ') || 'no language'} (${settings.concurrency} at once)`,
);
for (const [language, status] of Object.entries(executor.availability)) {
  if (!status.available) console.log(`  ${language}: ${status.reason}`);
}
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
