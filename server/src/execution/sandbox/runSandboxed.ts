import { spawn } from 'node:child_process';
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
  const cgroupFiles = options.cgroup?.procsFiles ?? [];
  // A tiny shell of ours joins the run's cgroups first, then becomes the unprivileged sandbox:
  // anything the code starts is born inside them. Its environment names nothing of the server.
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
    ...options.bwrap,
  ];
  const child = spawn('/bin/sh', argv, {
    env: { PATH: '/usr/bin:/bin' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const result: SandboxedRun = {
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
  let compileStarted: number | null = null;
  let runStarted: number | null = null;
  let outputBytes = 0;
  let resultBytes = 0;
  let stopping = false;

  const kill = () => {
    if (stopping) return;
    stopping = true;
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
    void options.cgroup?.killAll();
  };
  let deadline = setTimeout(() => {
    result.timedOut = runStarted === null ? 'compile' : 'run';
    kill();
  }, options.compileMs);

  const decoder = new TextDecoder();
  const onOutput = (chunk: Buffer) => {
    if (result.outputExceeded) return;
    if (outputBytes + chunk.length > options.outputBytes) {
      const kept = chunk.subarray(0, options.outputBytes - outputBytes);
      result.output += decoder.decode(kept);
      options.onOutput?.(decoder.decode(kept));
      result.outputExceeded = true;
      kill();
      return;
    }
    outputBytes += chunk.length;
    const text = decoder.decode(chunk, { stream: true });
    result.output += text;
    if (text) options.onOutput?.(text);
  };
  const [, stdout, stderr, results, status, compileLog] =
    child.stdio as unknown as Array<NodeJS.ReadableStream>;
  stdout?.on('data', onOutput);
  stderr?.on('data', onOutput);
  results?.on('data', (chunk: Buffer) => {
    resultBytes += chunk.length;
    if (resultBytes > options.resultBytes) {
      result.resultsExceeded = true;
      kill();
      return;
    }
    result.results += chunk.toString('utf8');
  });
  compileLog?.on('data', (chunk: Buffer) => {
    if (result.compileLog.length < options.compileLogBytes) result.compileLog += chunk.toString('utf8');
  });
  let statusText = '';
  status?.on('data', (chunk: Buffer) => {
    statusText += chunk.toString('utf8');
    for (;;) {
      const end = statusText.indexOf('\n');
      if (end < 0) break;
      const line = statusText.slice(0, end);
      statusText = statusText.slice(end + 1);
      const now = performance.now();
      if (line === 'compile' && compileStarted === null) {
        compileStarted = now;
        options.onPhase?.('compiling');
      } else if (line.startsWith('compiled ') && compileStarted !== null && result.compileExit === null) {
        result.compileExit = Number(line.slice('compiled '.length));
        result.compileMs = now - compileStarted;
      } else if (line === 'run' && runStarted === null) {
        runStarted = now;
        result.ran = true;
        options.onPhase?.('running');
        // The program's own clock starts now: the compile phase's deadline gives way to the run's.
        clearTimeout(deadline);
        deadline = setTimeout(() => {
          result.timedOut = 'run';
          kill();
        }, options.runMs);
      }
    }
  });

  return new Promise<SandboxedRun>((resolve) => {
    child.once('exit', (code, signal) => {
      const ended = performance.now();
      result.exitCode = code;
      result.signal = signal;
      if (runStarted !== null) result.runMs = ended - runStarted;
      // Whatever the code left running (a daemon, a fork bomb's children) dies with the run.
      kill();
    });
    child.once('close', () => {
      clearTimeout(deadline);
      result.output += decoder.decode();
      void (async () => {
        result.memoryExceeded = (await options.cgroup?.memoryExceeded()) ?? false;
        resolve(result);
      })();
    });
    child.once('error', () => {
      result.exitCode = 127;
      kill();
    });
  });
}
