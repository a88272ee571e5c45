import { coreBusySeconds } from './procStats.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the pinned cores are idle (busy under `threshold` over a half-second sample), for
 * at most `maxWaitMs`: on a shared machine, a run that starts while a build or a browser test
 * is running measures them, not the server. Resolves with the busiest core's last share.
 */
export async function waitForQuiet(cpus, { maxWaitMs, threshold = 0.15 }) {
  const deadline = performance.now() + maxWaitMs;
  for (;;) {
    const before = cpus.map(coreBusySeconds);
    const t0 = performance.now();
    await sleep(500);
    const seconds = (performance.now() - t0) / 1000;
    const busiest = Math.max(...cpus.map((cpu, i) => (coreBusySeconds(cpu) - before[i]) / seconds));
    if (busiest < threshold || performance.now() >= deadline) return Math.round(busiest * 100) / 100;
  }
}
