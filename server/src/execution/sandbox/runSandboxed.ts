import { type ChildProcess, spawn } from 'node:child_process';
import type { RunCgroup } from './RunCgroups.js';
import { SANDBOX_UID } from './sandboxCommand.js';

/** File descriptors of the sandboxed driver besides stdout and stderr. */
export const FD = { results: 3, status: 4, compileLog: 5 } as const;

export interface SandboxedRunOptions {
  /** The bubblewrap arguments (bwrapArgs). */
  bwrap: string[];
  cgroup: RunCgroup | null;
  /** Wall time for compiling, from the start; and for running, from the moment the program starts. */
  compileMs: number;
  runMs: number;
  /** stdout and stderr together, as they arrive; past this the run is stopped. */
  outputBytes: number;
  /** What the harness may write on its result descriptor; past this the run is stopped. */
  resultBytes: number;
  compileLogBytes: number;
  onOutput?(text: string): void;
  onPhase?(phase: 'compiling' | 'running'): void;
}

export interface SandboxedRun {
  /** The compiler's exit code, when there was a compile step and it finished. */
  compileExit: number | null;
  compileLog: string;
  compileMs: number;
  /** Whether the program itself started (compiling, if any, succeeded). */
  ran: boolean;
  runMs: number;
  exitCode: number | null;
  signal: string | null;
  timedOut: 'compile' | 'run' | null;
  outputExceeded: boolean;
  resultsExceeded: boolean;
  memoryExceeded: boolean;
  output: string;
  /** What the harness wrote on its result descriptor (JSON lines), raw. */
  results: string;
}

/**
 * Runs one bubblewrap sandbox under the run's cgroups and supervises it from outside: wall time
 * per phase (the driver says on its status descriptor when compiling ends and the program
 * starts, and closes that descriptor before the program runs, so the code cannot speak on it),
 * output and result caps, and at the end every process of the run killed, whatever it left
 * behind. Phases' times are measured here, on this process's clock.
 */
export function runSandboxed(options: SandboxedRunOptions): Promise<SandboxedRun> {
  const child = spawnInCgroups(options.bwrap, options.cgroup?.procsFiles ?? []);
  const run = new RunSupervision(options, () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  });
  const [, stdout, stderr, results, status, compileLog] =
    child.stdio as unknown as Array<NodeJS.ReadableStream>;
  stdout?.on('data', (chunk: Buffer) => run.output(chunk));
  stderr?.on('data', (chunk: Buffer) => run.output(chunk));
  results?.on('data', (chunk: Buffer) => run.results(chunk));
  compileLog?.on('data', (chunk: Buffer) => run.compileLog(chunk));
  status?.on('data', (chunk: Buffer) => run.status(chunk));

  return new Promise<SandboxedRun>((resolve) => {
    child.once('exit', (code, signal) => run.exited(code, signal));
    child.once('close', () => void run.closed().then(resolve));
    child.once('error', () => run.failedToStart());
  });
}

/**
 * Starts the sandbox: a tiny shell of ours joins the run's cgroups first, then becomes the
 * unprivileged sandbox, so anything the code starts is born inside them. Its environment names
 * nothing of the server. Detached: the run is its own process group, killed as one.
 */
function spawnInCgroups(bwrap: string[], cgroupFiles: string[]): ChildProcess {
  const attach =
    'for f in "$@"; do case "$f" in --) break;; esac; echo $$ > "$f" || exit 70; shift; done; shift; exec "$@"';
  const argv = [
    '-c',
    attach,
    'attach',
    ...cgroupFiles,
    '--',
    'nice',
    '-n',
    '10',
    'setpriv',
    `--reuid=${SANDBOX_UID}`,
    `--regid=${SANDBOX_UID}`,
    '--clear-groups',
    'bwrap',
    ...bwrap,
  ];
  return spawn('/bin/sh', argv, {
    env: { PATH: '/usr/bin:/bin' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
}

/** One run's state as its streams and status lines arrive: caps, phase clocks and the deadline. */
class RunSupervision {
  readonly result: SandboxedRun = {
    compileExit: null,
    compileLog: '',
    compileMs: 0,
    ran: false,
    runMs: 0,
    exitCode: null,
    signal: null,
    timedOut: null,
    outputExceeded: false,
    resultsExceeded: false,
    memoryExceeded: false,
    output: '',
    results: '',
  };
  private compileStarted: number | null = null;
  private runStarted: number | null = null;
  private outputBytes = 0;
  private resultBytes = 0;
  private stopping = false;
  private statusText = '';
  private readonly decoder = new TextDecoder();
  private deadline: NodeJS.Timeout;

  constructor(
    private readonly options: SandboxedRunOptions,
    private readonly killGroup: () => void,
  ) {
    this.deadline = setTimeout(() => this.timeUp(), options.compileMs);
  }

  /** Kills the run's process group and everything else in its cgroups, once. */
  kill(): void {
    if (this.stopping) return;
    this.stopping = true;
    this.killGroup();
    void this.options.cgroup?.killAll();
  }

  output(chunk: Buffer): void {
    const { result, options } = this;
    if (result.outputExceeded) return;
    if (this.outputBytes + chunk.length > options.outputBytes) {
      const kept = this.decoder.decode(chunk.subarray(0, options.outputBytes - this.outputBytes));
      result.output += kept;
      options.onOutput?.(kept);
      result.outputExceeded = true;
      this.kill();
      return;
    }
    this.outputBytes += chunk.length;
    const text = this.decoder.decode(chunk, { stream: true });
    result.output += text;
    if (text) options.onOutput?.(text);
  }

  results(chunk: Buffer): void {
    this.resultBytes += chunk.length;
    if (this.resultBytes > this.options.resultBytes) {
      this.result.resultsExceeded = true;
      this.kill();
      return;
    }
    this.result.results += chunk.toString('utf8');
  }

  compileLog(chunk: Buffer): void {
    if (this.result.compileLog.length < this.options.compileLogBytes)
      this.result.compileLog += chunk.toString('utf8');
  }

  status(chunk: Buffer): void {
    this.statusText += chunk.toString('utf8');
    for (let end = this.statusText.indexOf('\n'); end >= 0; end = this.statusText.indexOf('\n')) {
      const line = this.statusText.slice(0, end);
      this.statusText = this.statusText.slice(end + 1);
      this.statusLine(line, performance.now());
    }
  }

  private statusLine(line: string, now: number): void {
    const { result, options } = this;
    if (line === 'compile' && this.compileStarted === null) {
      this.compileStarted = now;
      options.onPhase?.('compiling');
    } else if (line.startsWith('compiled ') && this.compileStarted !== null && result.compileExit === null) {
      result.compileExit = Number(line.slice('compiled '.length));
      result.compileMs = now - this.compileStarted;
    } else if (line === 'run' && this.runStarted === null) {
      this.runStarted = now;
      result.ran = true;
      options.onPhase?.('running');
      // The program's own clock starts now: the compile phase's deadline gives way to the run's.
      clearTimeout(this.deadline);
      this.deadline = setTimeout(() => this.timeUp(), options.runMs);
    }
  }

  private timeUp(): void {
    this.result.timedOut = this.runStarted === null ? 'compile' : 'run';
    this.kill();
  }

  exited(code: number | null, signal: NodeJS.Signals | null): void {
    this.result.exitCode = code;
    this.result.signal = signal;
    if (this.runStarted !== null) this.result.runMs = performance.now() - this.runStarted;
    // Whatever the code left running (a daemon, a fork bomb's children) dies with the run.
    this.kill();
  }

  async closed(): Promise<SandboxedRun> {
    clearTimeout(this.deadline);
    this.result.output += this.decoder.decode();
    this.result.memoryExceeded = (await this.options.cgroup?.memoryExceeded()) ?? false;
    return this.result;
  }

  failedToStart(): void {
    this.result.exitCode = 127;
    this.kill();
  }
}
