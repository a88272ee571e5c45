import { describe, expect, it } from 'vitest';
import { bwrapArgs, SANDBOX_UID } from './sandboxCommand.js';

describe('the sandbox command line (P-SRUN-5)', () => {
  const args = bwrapArgs({
    srcDir: '/tmp/mockloop-run-x',
    cacheDir: '/tmp/mockloop-runner/abc',
    binds: ['/usr/bin', '/usr/lib'],
    env: { PATH: '/usr/bin:/bin', HOME: '/work' },
    tmpfsBytes: 1024,
    command: ['/bin/sh', '/src/run.sh'],
  });
  const text = args.join(' ');

  it('unshares every namespace, drops every capability, runs as nobody in a new session, dies with its parent', () => {
    for (const flag of [
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      '--new-session',
      '--clearenv',
    ])
      expect(args).toContain(flag);
    expect(text).toContain('--cap-drop ALL');
    expect(text).toContain(`--uid ${SANDBOX_UID} --gid ${SANDBOX_UID}`);
    expect(args).not.toContain('--share-net');
  });

  it('binds only the toolchain, the run’s files and the harnesses, read-only; writes go to size-capped tmpfs', () => {
    const binds = args.flatMap((a, i) =>
      a === '--bind' || a === '--ro-bind' ? [`${a} ${args[i + 1]}`] : [],
    );
    expect(binds).toEqual([
      '--ro-bind /usr/bin',
      '--ro-bind /usr/lib',
      '--ro-bind /tmp/mockloop-run-x',
      '--ro-bind /tmp/mockloop-runner/abc',
    ]);
    expect(text).toContain('--size 1024 --tmpfs /work');
    expect(text).toContain('--size 1024 --tmpfs /tmp');
    expect(text).toContain('--proc /proc');
    expect(text).toContain('--remount-ro /');
    expect(args.slice(-3)).toEqual(['--', '/bin/sh', '/src/run.sh']);
  });
});
