import { appendFile, mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = '/sys/fs/cgroup';
const GROUP = 'mockloop-runs';

/** What one run's cgroups bound (cgroup v1 controllers, where this machine has them). */
export interface CgroupLimits {
  memoryBytes: number;
  pids: number;
  /** CPU time a second the run may use in all its processes together, in cores (1 = one core). */
  cpus: number;
}

/**
 * One run's cgroups: its processes join them before the sandbox starts (through `cgroup.procs`),
 * so nothing the code starts can leave them. `killAll` kills every process in them, whatever it
 * did to its process group or session; `memoryExceeded` says whether the kernel's OOM killer
 * fired inside.
 */
export class RunCgroup {
  constructor(
    /** The controllers' folders for this run: memory first when there is one. */
    readonly dirs: string[],
    private readonly memoryDir: string | null,
  ) {}

  /** Files a process writes its pid to, to join every controller of the run. */
  get procsFiles(): string[] {
    return this.dirs.map((dir) => path.join(dir, 'cgroup.procs'));
  }

  async pids(): Promise<number[]> {
    const found = new Set<number>();
    for (const dir of this.dirs) {
      const text = await readFile(path.join(dir, 'cgroup.procs'), 'utf8').catch(() => '');
      for (const line of text.split('\n')) if (line) found.add(Number(line));
    }
    return [...found];
  }

  /** Kills every process of the run until none is left (a fork bomb races the kill, so repeat). */
  async killAll(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      const pids = await this.pids();
      if (pids.length === 0) return;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await new Promise((resolve) => setTimeout(resolve, round < 5 ? 5 : 20));
    }
  }

  async memoryExceeded(): Promise<boolean> {
    if (!this.memoryDir) return false;
    const text = await readFile(path.join(this.memoryDir, 'memory.oom_control'), 'utf8').catch(() => '');
    const kills = /oom_kill (\d+)/.exec(text)?.[1];
    if (kills !== undefined) return Number(kills) > 0;
    const failcnt = await readFile(path.join(this.memoryDir, 'memory.failcnt'), 'utf8').catch(() => '0');
    return Number(failcnt) > 0;
  }

  async remove(): Promise<void> {
    await this.killAll();
    for (const dir of this.dirs) {
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          await rmdir(dir);
          break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') break;
          await new Promise((resolve) => setTimeout(resolve, 25)); // the last process is still exiting
        }
      }
    }
  }
}

/**
 * The cgroup v1 controllers this process may create children in (memory, pids, cpu), found from
 * /proc/self/cgroup: runs get cgroups under this process's own, in a `mockloop-runs` folder.
 * Empty where there are none (cgroup v2 only, no permission, macOS): the sandbox then falls back
 * to rlimits alone (see Sandbox: address space and process count per user).
 */
export class CgroupSupport {
  private constructor(private readonly parents: Record<'memory' | 'pids' | 'cpu', string | null>) {}

  static async detect(): Promise<CgroupSupport> {
    const own = await readFile('/proc/self/cgroup', 'utf8').catch(() => '');
    const parents: Record<'memory' | 'pids' | 'cpu', string | null> = { memory: null, pids: null, cpu: null };
    for (const line of own.split('\n')) {
      const [, controllers, where] = /^\d+:([^:]*):(.*)$/.exec(line) ?? [];
      if (!controllers || where === undefined) continue;
      for (const controller of ['memory', 'pids', 'cpu'] as const) {
        if (!controllers.split(',').includes(controller)) continue;
        const mount = path.join(ROOT, controller);
        const parent = path.join(mount, where, GROUP);
        if (await usable(parent, controller)) {
          parents[controller] = parent;
          await removeOrphans(parent);
        }
      }
    }
    return new CgroupSupport(parents);
  }

  get memory(): boolean {
    return this.parents.memory !== null;
  }

  get pids(): boolean {
    return this.parents.pids !== null;
  }

  /** Creates the run's cgroups with their limits; null where the machine has none. */
  async create(runId: string, limits: CgroupLimits): Promise<RunCgroup | null> {
    // Named after this process too, so a later start can tell a dead server's leftovers.
    const name = `${process.pid}-${runId}`;
    const dirs: string[] = [];
    let memoryDir: string | null = null;
    try {
      if (this.parents.memory) {
        memoryDir = path.join(this.parents.memory, name);
        await mkdir(memoryDir);
        dirs.push(memoryDir);
        await writeFile(path.join(memoryDir, 'memory.limit_in_bytes'), String(limits.memoryBytes));
        // No swap either (where the kernel accounts it): the limit is on memory and swap together.
        await writeFile(
          path.join(memoryDir, 'memory.memsw.limit_in_bytes'),
          String(limits.memoryBytes),
        ).catch(() => {});
      }
      if (this.parents.pids) {
        const dir = path.join(this.parents.pids, name);
        await mkdir(dir);
        dirs.push(dir);
        await writeFile(path.join(dir, 'pids.max'), String(limits.pids));
      }
      if (this.parents.cpu) {
        const dir = path.join(this.parents.cpu, name);
        await mkdir(dir);
        dirs.push(dir);
        await writeFile(path.join(dir, 'cpu.cfs_period_us'), '100000');
        await writeFile(path.join(dir, 'cpu.cfs_quota_us'), String(Math.round(100000 * limits.cpus)));
      }
    } catch (err) {
      await new RunCgroup(dirs, memoryDir).remove();
      throw err;
    }
    return dirs.length > 0 ? new RunCgroup(dirs, memoryDir) : null;
  }
}

/** Removes the run cgroups of processes that are gone (a server or worker killed mid-run). */
async function removeOrphans(parent: string): Promise<void> {
  for (const entry of await readdir(parent, { withFileTypes: true }).catch(() => [])) {
    const owner = Number(/^(\d+)-/.exec(entry.name)?.[1]);
    if (!entry.isDirectory() || !owner || alive(owner)) continue;
    const orphan = new RunCgroup([path.join(parent, entry.name)], null);
    await orphan.remove().catch(() => {});
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether runs' cgroups can be made under `parent`: made, limited and removed once to be sure. */
async function usable(parent: string, controller: 'memory' | 'pids' | 'cpu'): Promise<boolean> {
  try {
    await mkdir(parent, { recursive: true });
    const probe = path.join(parent, `probe-${process.pid}`);
    await mkdir(probe).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    const file = { memory: 'memory.limit_in_bytes', pids: 'pids.max', cpu: 'cpu.cfs_quota_us' }[controller];
    await appendFile(path.join(probe, file), controller === 'cpu' ? '100000' : '67108864');
    await rmdir(probe);
    return true;
  } catch {
    return false;
  }
}
