import { GeneratorProcess } from './GeneratorProcess.mjs';
import { cpuMeter } from './procStats.mjs';
import { ServerProcess } from './ServerProcess.mjs';
import { freePort, tempDir } from './tempDir.mjs';

/** Share of a pinned core used by other processes above which a run does not measure our load. */
export const DISTURBED = 0.1;
/** How late a saturated generator may report a phase before the run is abandoned. */
export const SLACK_MS = 120_000;

/**
 * One measurement: a fresh server of `kind` (own process, own data directory, pinned to
 * `options.serverCpu`), a fresh generator (pinned to `options.generatorCpu`) opening `rooms`
 * rooms, warm-up, a measured window, drain. Server CPU (cores), RSS and loop delay are sampled
 * over the same window the generator measures. Both processes are stopped whatever happens.
 */
export async function measureLoad(kind, rooms, options) {
  const data = tempDir('mockloop-bench-');
  const nodeArgs = [];
  if (kind === 'ours' && options.profileDir)
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`);
  if (kind === 'ours') nodeArgs.push(...options.oursNodeArgs);
  let server;
  let generator;
  try {
    server = await ServerProcess.start({
      kind,
      port: await freePort(),
      cpu: options.serverCpu,
      env: { DATA_DIR: data.dir },
      nodeArgs,
      script: { ours: options.oursMain, compare: options.compareMain }[kind],
    });
    const generatorArgs = options.generatorProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.generatorProfileDir}`]
      : [];
    generator = new GeneratorProcess(options.generatorCpu, generatorArgs);
    generator.send({
      cmd: 'run',
      config: {
        // Both builds of ours take the browser's join; the reference takes none.
        protocol: kind === 'reference' ? 'reference' : 'ours',
        httpUrl: server.url,
        wsUrl: server.wsUrl,
        rooms,
        warmupMs: options.warmupMs,
        durationMs: options.durationMs,
        drainMs: options.drainMs,
        setupConcurrency: options.setupConcurrency,
        typeEveryMs: options.typeEveryMs,
        cursorEveryMs: options.cursorEveryMs,
        awarenessEcho: options.awarenessEcho,
      },
    });
    const { setupMs } = await generator.next('ready', 60_000 + rooms * 200);
    // Generous bounds: a saturated generator's timers run late, but a run must still end by itself.
    await generator.next('measuring', options.warmupMs + SLACK_MS);
    const cpu = server.cpuMeter();
    const generatorCpu = cpuMeter(generator.child.pid, options.generatorCpu);
    const reset = await server.probe('reset').catch(() => null);
    await generator.next('measured', options.durationMs + SLACK_MS);
    const { cores, others } = cpu.stop();
    const generatorCore = generatorCpu.stop();
    const rssMiB = server.rssMiB();
    const report = await server.probe('report').catch(() => null);
    const result = await generator.next('result', options.drainMs + SLACK_MS);
    result.generator.coreUsedByOthers = generatorCore.others;
    generator.send({ cmd: 'close' });
    await generator.next('closed', 60_000);
    return {
      kind,
      rooms,
      setupMs,
      ...result,
      server: {
        cores,
        rssMiB,
        loopDelay: report?.loopDelay ?? null,
        coreUsedByOthers: others,
        // The measured window on the server's monotonic clock: `profileSummary.mjs --window`.
        windowUs: reset && report ? [reset.atUs, report.atUs] : null,
      },
      valid: result.generator.loopDelay.p99 <= options.maxGeneratorDelayMs,
      disturbed: others > DISTURBED || generatorCore.others > DISTURBED,
    };
  } finally {
    await generator?.stop();
    await server?.stop();
    data.remove();
  }
}
