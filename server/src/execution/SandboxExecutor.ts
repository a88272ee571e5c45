import { access, chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LANGUAGE_LABELS, SERVER_LANGUAGES, type ServerLanguage } from '@mockloop/shared';
import { editorCompileErrors } from './compileErrors.js';
import { type DriverLimits, driverScript } from './driverScript.js';
import type { ExecJob, ExecOutcome, ExecProgress } from './ExecJob.js';
import { prepareHarnessCache } from './harnessCache.js';
import { readCallReports } from './readCallReports.js';
import { CgroupSupport } from './sandbox/RunCgroups.js';
import { runSandboxed, type SandboxedRun } from './sandbox/runSandboxed.js';
import { bwrapArgs, IN_SANDBOX, TOOLCHAIN_BINDS } from './sandbox/sandboxCommand.js';
import { TOOLCHAINS } from './toolchains.js';

/** The bounds of one run (RUNNER_* settings; README, Configuration). */
export interface SandboxLimits {
  memoryBytes: number;
  processes: number;
  /** CPU a run may use at once, in cores. */
  cpus: number;
  compileMs: number;
  outputBytes: number;
  tmpfsBytes: number;
  fileBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  memoryBytes: 512 * 1024 * 1024,
  processes: 128,
  cpus: 1,
  compileMs: 30_000,
  outputBytes: 1024 * 1024,
  tmpfsBytes: 128 * 1024 * 1024,
  fileBytes: 64 * 1024 * 1024,
};

/** Whether a language can run here, and if not, a sentence saying why. */
export interface LanguageStatus {
  available: boolean;
  reason?: string;
}
export type Availability = Record<ServerLanguage, LanguageStatus>;

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * Runs code in bubblewrap sandboxes on this machine. `start` finds out, once, what this machine
 * can do: Linux, bwrap that starts, cgroups it may use, each toolchain, the harness cache, and a
 * first program in each language inside the sandbox; a language that fails says why in plain
 * words. Everything else about a run (limits, phases, cleanup) is in `execute`.
 */
export class SandboxExecutor {
  private constructor(
    readonly availability: Availability,
    /** The prepared harnesses (bound at /opt/mockloop in every sandbox). */
    readonly cacheDir: string,
    private readonly binds: string[],
    private readonly cgroups: CgroupSupport,
    private readonly limits: SandboxLimits,
  ) {}

  static async start(
    options: { limits?: SandboxLimits; cacheRoot?: string; languages?: readonly ServerLanguage[] } = {},
  ): Promise<SandboxExecutor> {
    const limits = options.limits ?? DEFAULT_SANDBOX_LIMITS;
    const languages = [...(options.languages ?? SERVER_LANGUAGES)];
    const availability = Object.fromEntries(
      SERVER_LANGUAGES.map((l) => [
        l,
        { available: false, reason: cannot(l, 'it is not enabled (RUNNER_LANGUAGES)') },
      ]),
    ) as Availability;
    const cgroups = await CgroupSupport.detect();
    const binds: string[] = [];
    for (const bind of TOOLCHAIN_BINDS) if (await exists(bind)) binds.push(bind);
    const blocked = await machineProblem();
    if (blocked) {
      for (const l of languages) availability[l] = { available: false, reason: cannot(l, blocked) };
      return new SandboxExecutor(availability, '', binds, cgroups, limits);
    }
    const present: ServerLanguage[] = [];
    for (const l of languages) {
      const missing = [];
      for (const tool of TOOLCHAINS[l].requires) if (!(await exists(tool))) missing.push(tool);
      if (missing.length > 0) {
        availability[l] = {
          available: false,
          reason: cannot(l, 'its toolchain is not installed (npm run runner:setup)'),
        };
      } else {
        present.push(l);
      }
    }
    const cacheRoot = options.cacheRoot ?? path.join(os.tmpdir(), 'mockloop-runner');
    const { dir, problems } = await prepareHarnessCache(cacheRoot, present);
    const executor = new SandboxExecutor(availability, dir, binds, cgroups, limits);
    // A first program in each language, through the very sandbox runs use: proof that bwrap,
    // the toolchain and the binds work together here. Once proven for this cache (same
    // toolchains, same harnesses), later starts only check that a sandbox still starts.
    const provenFile = path.join(dir, 'proven.json');
    const proven = await readProven(provenFile);
    const sandboxWorks = proven.length === 0 || (await executor.sandboxStarts());
    for (const l of present) {
      if (problems[l]) {
        availability[l] = { available: false, reason: cannot(l, problems[l]) };
        continue;
      }
      if (sandboxWorks && proven.includes(l)) {
        availability[l] = { available: true };
        continue;
      }
      const probe = await executor.run({
        id: `probe-${l}-${process.pid}`,
        language: l,
        code: TOOLCHAINS[l].probe,
        timeLimitMs: 20_000,
      });
      availability[l] =
        probe.status === 'ok' && probe.output.trim() === 'ok'
          ? { available: true }
          : {
              available: false,
              reason: cannot(
                l,
                `its first program failed in the sandbox: ${firstLine(probe.error ?? probe.output)}`,
              ),
            };
    }
    const nowProven = present.filter((l) => availability[l].available);
    await writeProven(provenFile, nowProven);
    return executor;
  }

  /** Whether a sandbox starts at all now (a program that only exits, no toolchain). */
  private async sandboxStarts(): Promise<boolean> {
    const srcDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-run-'));
    try {
      await chmod(srcDir, 0o755);
      const ran = await runSandboxed({
        bwrap: bwrapArgs({
          srcDir,
          cacheDir: this.cacheDir,
          binds: this.binds,
          env: { PATH: '/usr/bin:/bin' },
          tmpfsBytes: 1024 * 1024,
          command: ['/bin/sh', '-c', 'printf "run\\n" >&4; exec true'],
        }),
        cgroup: null,
        compileMs: 10_000,
        runMs: 10_000,
        outputBytes: 4096,
        resultBytes: 4096,
        compileLogBytes: 4096,
      });
      return ran.ran && ran.exitCode === 0;
    } finally {
      await rm(srcDir, { recursive: true, force: true });
    }
  }

  /** Runs one job (the language must be available). Never throws for anything the code does. */
  async execute(job: ExecJob, onProgress?: (progress: ExecProgress) => void): Promise<ExecOutcome> {
    const status = this.availability[job.language];
    if (!status.available)
      return { status: 'crashed', output: '', truncated: false, error: status.reason, runMs: 0 };
    return this.run(job, onProgress);
  }

  private async run(job: ExecJob, onProgress?: (progress: ExecProgress) => void): Promise<ExecOutcome> {
    const limits = this.limits;
    const toolchain = TOOLCHAINS[job.language];
    const tests = job.calls !== undefined;
    const plan = toolchain.plan({ code: job.code, entry: job.entry, tests, memoryBytes: limits.memoryBytes });
    const srcDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-run-'));
    const cgroup = await this.cgroups.create(safeId(job.id), {
      memoryBytes: limits.memoryBytes,
      pids: limits.processes,
      cpus: limits.cpus,
    });
    try {
      await chmod(srcDir, 0o755);
      await mkdir(path.join(srcDir, 'files'), { mode: 0o755 });
      for (const [name, text] of Object.entries(plan.files)) {
        await writeFile(path.join(srcDir, 'files', name), text, { mode: 0o644 });
      }
      if (job.calls)
        await writeFile(path.join(srcDir, 'args.json'), JSON.stringify(job.calls), { mode: 0o644 });
      const driverLimits: DriverLimits = {
        compileCpuSeconds: Math.ceil(limits.compileMs / 1000),
        runCpuSeconds: Math.ceil(job.timeLimitMs / 1000) + 1,
        fileBytes: limits.fileBytes,
        openFiles: 256,
      };
      // Without cgroups, rlimits stand in: processes per user, and address space (generous for
      // the JVM and Go, which reserve far more than they use).
      if (!this.cgroups.pids) driverLimits.processes = limits.processes;
      if (!this.cgroups.memory) {
        driverLimits.addressSpaceBytes =
          job.language === 'java' || job.language === 'go'
            ? 4 * 1024 ** 3
            : limits.memoryBytes + 256 * 1024 ** 2;
      }
      await writeFile(path.join(srcDir, 'run.sh'), driverScript(plan, driverLimits, tests), { mode: 0o644 });
      const ran = await runSandboxed({
        bwrap: bwrapArgs({
          srcDir,
          cacheDir: this.cacheDir,
          binds: this.binds,
          env: {
            PATH: '/usr/bin:/bin',
            HOME: IN_SANDBOX.work,
            LANG: 'C.UTF-8',
            LC_ALL: 'C.UTF-8',
            TMPDIR: '/tmp',
            ...toolchain.env,
          },
          tmpfsBytes: limits.tmpfsBytes,
          command: ['/bin/sh', `${IN_SANDBOX.src}/run.sh`],
        }),
        cgroup,
        compileMs: limits.compileMs,
        runMs: job.timeLimitMs,
        outputBytes: limits.outputBytes,
        resultBytes: 32 * 1024 * 1024,
        compileLogBytes: 256 * 1024,
        onOutput: (text) => onProgress?.({ stage: 'output', text }),
        onPhase: (stage) => onProgress?.({ stage }),
      });
      return outcomeOf(ran, plan.sourceFile, job, limits, tests);
    } finally {
      await cgroup?.remove();
      await rm(srcDir, { recursive: true, force: true });
    }
  }
}

/** The languages proven in this cache; servers read and write it at once, so a torn file is none. */
async function readProven(file: string): Promise<string[]> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(value) ? value.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
}

/** Written to a file of its own, then renamed over: a reader sees the old list or the new one. */
async function writeProven(file: string, languages: string[]): Promise<void> {
  const temp = `${file}.${process.pid}`;
  try {
    await writeFile(temp, JSON.stringify(languages));
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true });
  }
}

/** Why nothing can run in a sandbox on this machine, or null when bwrap should work. */
async function machineProblem(): Promise<string | null> {
  if (process.platform !== 'linux') return 'the sandbox needs Linux (bubblewrap)';
  if (!(await exists('/usr/bin/bwrap')))
    return 'the sandbox (bubblewrap) is not installed (npm run runner:setup)';
  if (!(await exists('/usr/bin/setpriv')) || !(await exists('/usr/bin/prlimit'))) {
    return 'util-linux (setpriv, prlimit) is missing';
  }
  if (process.getuid?.() !== 0)
    return 'the server must run as root to start sandboxes as an unprivileged user';
  return null;
}

function cannot(language: ServerLanguage, why: string): string {
  return `${LANGUAGE_LABELS[language]} cannot run on this server: ${why}`;
}

function firstLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .find((l) => l.trim()) ?? 'no output'
  ).slice(0, 200);
}

/** A run id as a cgroup folder name. */
function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'run';
}

const SIGNALS: Record<number, string> = {
  6: 'SIGABRT',
  8: 'SIGFPE',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  24: 'SIGXCPU',
  25: 'SIGXFSZ',
};

/** The run's result as the room says it, from what the supervisor saw. */
function outcomeOf(
  ran: SandboxedRun,
  sourceFile: string,
  job: ExecJob,
  limits: SandboxLimits,
  tests: boolean,
): ExecOutcome {
  const base = {
    output: ran.output,
    truncated: ran.outputExceeded,
    runMs: ran.runMs,
    ...(ran.compileExit !== null || ran.timedOut === 'compile' ? { compileMs: ran.compileMs } : {}),
  };
  const mb = Math.round(limits.memoryBytes / 1024 / 1024);
  if (ran.timedOut === 'compile') {
    return {
      ...base,
      status: 'timeout',
      error: `Compiling took longer than ${limits.compileMs / 1000} s: stopped.`,
    };
  }
  if (ran.compileExit !== null && ran.compileExit !== 0) {
    return {
      ...base,
      status: 'error',
      error: editorCompileErrors(ran.compileLog, sourceFile) || 'It did not compile.',
    };
  }
  if (ran.timedOut === 'run') {
    return {
      ...base,
      status: 'timeout',
      error: `Stopped after ${job.timeLimitMs / 1000} s: the time limit.`,
    };
  }
  if (ran.memoryExceeded)
    return { ...base, status: 'error', error: `Stopped: the program used more than ${mb} MB of memory.` };
  if (ran.outputExceeded) {
    return {
      ...base,
      status: 'error',
      error: `Stopped: the output passed ${Math.round(limits.outputBytes / 1024)} KB.`,
    };
  }
  if (ran.resultsExceeded) return { ...base, status: 'error', error: 'Stopped: the results passed 32 MB.' };
  if (!ran.ran) {
    return {
      ...base,
      status: 'crashed',
      error: `The sandbox could not start the program: ${firstLine(ran.compileLog || ran.output)}`,
    };
  }
  const code = ran.exitCode ?? 128 + 9;
  if (code !== 0) {
    const signal = code > 128 ? (SIGNALS[code - 128] ?? `signal ${code - 128}`) : null;
    const why =
      signal === 'SIGXCPU' || signal === 'SIGKILL'
        ? `Stopped: the program used its CPU time (${Math.ceil(job.timeLimitMs / 1000) + 1} s) or was killed.`
        : signal === 'SIGXFSZ'
          ? `Stopped: the program wrote a file larger than ${Math.round(limits.fileBytes / 1024 / 1024)} MB.`
          : signal
            ? `The program crashed (${signal}).`
            : `The program exited with code ${code}.`;
    return { ...base, status: 'error', error: why };
  }
  return tests ? { ...base, status: 'ok', calls: readCallReports(ran.results) } : { ...base, status: 'ok' };
}
