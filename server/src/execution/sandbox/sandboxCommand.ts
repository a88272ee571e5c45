/** The user every run has inside and outside the sandbox: nobody, which owns no file of ours. */
export const SANDBOX_UID = 65534;

/** Folders of the toolchains bound read-only into every sandbox (those that exist on the host). */
export const TOOLCHAIN_BINDS = [
  '/usr/bin',
  '/usr/lib',
  '/usr/lib64',
  '/usr/libexec',
  '/usr/include',
  '/usr/share',
  '/etc/alternatives',
  '/etc/ld.so.cache',
  '/etc/java-17-openjdk',
] as const;

/** Where things are inside the sandbox. */
export const IN_SANDBOX = {
  /** The run's files, read-only: the code, the driver script, the test arguments. */
  src: '/src',
  /** The harnesses prepared at start-up (compiled classes, a precompiled header), read-only. */
  cache: '/opt/mockloop',
  /** The work folder: a fresh tmpfs, the only place the code may write besides /tmp. */
  work: '/work',
} as const;

export interface SandboxCommandOptions {
  /** Host folder with this run's files (bound read-only at /src). */
  srcDir: string;
  /** Host folder with the prepared harnesses (bound read-only at /opt/mockloop). */
  cacheDir: string;
  /** Of TOOLCHAIN_BINDS, the ones present on this machine. */
  binds: readonly string[];
  env: Record<string, string>;
  tmpfsBytes: number;
  /** The command to run inside, usually `/bin/sh /src/run.sh`. */
  command: string[];
}

/**
 * The bubblewrap command line for one run: every namespace of its own (no network but an unused
 * `lo`, its own pids, IPC, hostname and user, and no user namespace of its own making), no capabilities, the unprivileged user, a new
 * session (no terminal to push input into), killed with its parent; a filesystem of read-only
 * toolchain folders, a fresh /proc for its own pids, minimal /dev, and two size-capped tmpfs
 * (the work folder and /tmp); the root read-only; an empty environment but what is set here.
 */
export function bwrapArgs(options: SandboxCommandOptions): string[] {
  const args = [
    '--unshare-all',
    // Its own user namespace, and no further one inside it: user namespaces are the door to
    // most of the kernel's privileged code for an unprivileged process.
    '--unshare-user',
    '--disable-userns',
    '--cap-drop',
    'ALL',
    '--uid',
    String(SANDBOX_UID),
    '--gid',
    String(SANDBOX_UID),
    '--hostname',
    'sandbox',
    '--die-with-parent',
    '--new-session',
    '--clearenv',
  ];
  for (const bind of options.binds) args.push('--ro-bind', bind, bind);
  // Debian's merged /usr: the classic paths are links into it.
  args.push(
    '--symlink',
    'usr/bin',
    '/bin',
    '--symlink',
    'usr/lib',
    '/lib',
    '--symlink',
    'usr/lib64',
    '/lib64',
  );
  args.push('--proc', '/proc', '--dev', '/dev');
  args.push('--size', String(options.tmpfsBytes), '--tmpfs', IN_SANDBOX.work);
  args.push('--size', String(options.tmpfsBytes), '--tmpfs', '/tmp');
  args.push('--ro-bind', options.srcDir, IN_SANDBOX.src);
  args.push('--ro-bind', options.cacheDir, IN_SANDBOX.cache);
  args.push('--chdir', IN_SANDBOX.work);
  for (const [name, value] of Object.entries(options.env)) args.push('--setenv', name, value);
  args.push('--remount-ro', '/');
  args.push('--', ...options.command);
  return args;
}
