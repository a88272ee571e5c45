import { GeneratorProcess } from './GeneratorProcess.mjs';
import { SLACK_MS } from './measureLoad.mjs';
import { ServerProcess } from './ServerProcess.mjs';
import { checkStore } from './storeCheck.mjs';
import { freePort, tempDir } from './tempDir.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
/** How long our server keeps an idle document here (DOC_UNLOAD_GRACE_MS); 30 s in production. */
const UNLOAD_GRACE_MS = 1_000;
/** After the last close: the unload grace, then time for the unloads' compactions. */
const SETTLE_MS = UNLOAD_GRACE_MS + 3_000;

/**
 * Opens `rooms` rooms on our server under the usual load for a few seconds and closes them all,
 * twice; after each round it waits for the documents to unload, runs a full GC and reads the
 * RSS. The first round is the warm-up: it takes the process to its working size (V8 keeps the
 * heap it grew, malloc keeps freed pages, Socket.IO keeps two minutes of broadcasts for
 * connection-state recovery), so "before" is the RSS after it, and the check is that the second
 * round leaves nothing behind: RSS within 10%. Then the server stops and its store must hold
 * every keystroke typed in both rounds.
 */
export async function memoryCheck(rooms, options) {
  const data = tempDir('mockloop-bench-mem-');
  let server;
  try {
    server = await ServerProcess.start({
      kind: 'ours',
      port: await freePort(),
      cpu: options.serverCpu,
      env: { DATA_DIR: data.dir, DOC_UNLOAD_GRACE_MS: String(UNLOAD_GRACE_MS) },
      nodeArgs: ['--expose-gc', ...options.oursNodeArgs],
      script: options.oursMain,
    });
    const fresh = server.rssMiB();
    const warmup = await openAndClose(server, rooms, options.memoryDurationMs, options);
    await sleep(SETTLE_MS);
    const before = await server.probe('gc');
    const rssBefore = server.rssMiB();
    if (options.memorySnapshot) {
      await server.probe('snapshot', 60_000, {
        file: options.memorySnapshot.replace(/(\.heapsnapshot)?$/, '.before$1'),
      });
    }

    const measured = await openAndClose(server, rooms, options.memoryDurationMs, options);
    await sleep(SETTLE_MS);
    const after = await server.probe('gc');
    const rssAfter = server.rssMiB();
    if (options.memorySnapshot) await server.probe('snapshot', 60_000, { file: options.memorySnapshot });
    await server.stop();
    const store = await checkStore(data.dir, [...warmup.docs, ...measured.docs]);
    const growth = (rssAfter - rssBefore) / rssBefore;
    return {
      rooms,
      rssFreshMiB: fresh,
      rssBeforeMiB: rssBefore,
      rssPeakMiB: Math.max(warmup.peakMiB, measured.peakMiB),
      rssAfterMiB: rssAfter,
      growthPercent: Math.round(growth * 1000) / 10,
      // The JS heap after a full GC: objects still held, apart from memory not yet returned.
      heapBeforeMiB: mib(before.heapUsed),
      heapAfterMiB: mib(after.heapUsed),
      memoryUsageBefore: before,
      memoryUsageAfter: after,
      store,
      pass: growth <= 0.1 && store.mismatched === 0 && store.typed > 0,
    };
  } finally {
    await server?.stop();
    data.remove();
  }
}

/**
 * Runs one generator over `rooms` rooms for `durationMs` and closes them; returns what was typed
 * into each document and the server's peak RSS meanwhile.
 */
async function openAndClose(server, rooms, durationMs, options) {
  const generator = new GeneratorProcess(options.generatorCpu);
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rssMiB());
  }, 250);
  try {
    generator.send({
      cmd: 'run',
      config: {
        protocol: 'ours',
        httpUrl: server.url,
        wsUrl: server.wsUrl,
        rooms,
        warmupMs: 0,
        durationMs,
        drainMs: options.drainMs,
        setupConcurrency: options.setupConcurrency,
        typeEveryMs: options.typeEveryMs,
        cursorEveryMs: options.cursorEveryMs,
      },
    });
    await generator.next('ready', 60_000 + rooms * 200);
    await generator.next('result', durationMs + options.drainMs + SLACK_MS);
    generator.send({ cmd: 'close' });
    const { docs } = await generator.next('closed', 60_000);
    return { docs, peakMiB: peak };
  } finally {
    clearInterval(sampler);
    await generator.stop();
  }
}
