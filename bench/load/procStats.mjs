import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times. */
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system, all threads) a process has used so far. */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLK_TCK;
}

/** Resident set size of a process, in MiB. */
export function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/**
 * Seconds core `cpu` has spent running tasks (user, nice, system) or stolen by the hypervisor,
 * from /proc/stat. Interrupts are left out: the network interrupts of our own load land there.
 */
export function coreBusySeconds(cpu) {
  const line = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`cpu${cpu} `));
  if (!line) return Number.NaN;
  const [user, nice, system, , , , , steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + steal) / CLK_TCK;
}

/**
 * Starts a CPU measurement of process `pid` pinned to core `cpu`. `stop()` returns the cores the
 * process used on average since (1.0 = one core) and `others`: the share of that core everything
 * else used meanwhile (other processes, interrupts): above a few percent, the run was disturbed.
 */
export function cpuMeter(pid, cpu) {
  const process0 = cpuSeconds(pid);
  const core0 = coreBusySeconds(cpu);
  const t0 = performance.now();
  const r2 = (x) => Math.round(x * 100) / 100;
  return {
    stop() {
      const wall = (performance.now() - t0) / 1000;
      if (wall <= 0) return { cores: 0, others: 0 };
      const used = cpuSeconds(pid) - process0;
      const busy = coreBusySeconds(cpu) - core0;
      return { cores: r2(used / wall), others: r2(Math.max(0, busy - used) / wall) };
    },
  };
}
