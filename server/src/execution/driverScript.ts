import { FD } from './sandbox/runSandboxed.js';
import { IN_SANDBOX } from './sandbox/sandboxCommand.js';
import { type RunPlan, sh } from './toolchains.js';

export interface DriverLimits {
  compileCpuSeconds: number;
  runCpuSeconds: number;
  fileBytes: number;
  openFiles: number;
  /** Only where no pids cgroup bounds the run: counted per user, across runs. */
  processes?: number;
  /** Only where no memory cgroup bounds the run. */
  addressSpaceBytes?: number;
}

/**
 * The script the sandbox runs: copy the files into the work folder, compile (its messages on
 * their own descriptor), then run the program. It tells the server on the status descriptor when
 * each phase starts and how compiling ended, and closes that descriptor (and the compile log's)
 * before the program starts, so the code has nothing to forge phases with; it keeps the results
 * descriptor only when the harness runs. Each step runs under its own rlimits (prlimit).
 */
export function driverScript(plan: RunPlan, limits: DriverLimits, harness: boolean): string {
  const common = [`--core=0`, `--nofile=${limits.openFiles}`, `--fsize=${limits.fileBytes}`];
  if (limits.processes) common.push(`--nproc=${limits.processes}`);
  if (limits.addressSpaceBytes) common.push(`--as=${limits.addressSpaceBytes}`);
  const prlimit = (cpu: number) => `prlimit ${common.join(' ')} --cpu=${cpu}:${cpu + 1} --`;
  const { results, status, compileLog } = FD;
  const lines = [
    `cd ${IN_SANDBOX.work} || exit 90`,
    `cp -R ${IN_SANDBOX.src}/files/. ${IN_SANDBOX.work}/ || exit 90`,
  ];
  if (plan.compile) {
    lines.push(
      `printf 'compile\\n' >&${status}`,
      `${prlimit(limits.compileCpuSeconds)} /bin/sh -c ${sh(plan.compile)} >&${compileLog} 2>&${compileLog} ${results}>&- ${status}>&- ${compileLog}>&-`,
      'code=$?',
      `printf 'compiled %s\\n' "$code" >&${status}`,
      '[ "$code" = 0 ] || exit 0',
    );
  }
  lines.push(
    `exec ${compileLog}>&-`,
    `printf 'run\\n' >&${status}`,
    `exec ${status}>&-`,
    `exec ${prlimit(limits.runCpuSeconds)} /bin/sh -c ${sh(plan.run)}${harness ? '' : ` ${results}>&-`}`,
  );
  return `${lines.join('\n')}\n`;
}
