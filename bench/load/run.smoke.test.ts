import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess } from '../../test-support/runProcess.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

describe('bench:load (smoke: the load benchmark itself is not part of the test suite)', () => {
  it('starts both servers, drives 2 rooms for 2 s, prints the table and writes the JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-smoke-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const out = path.join(dir, 'load.json');

    const { code, stdout, stderr } = await runProcess(
      'bench/load/run.mjs',
      [
        '--rooms',
        '2',
        '--duration',
        '2',
        '--warmup',
        '0.5',
        '--drain',
        '1',
        '--memory-rooms',
        '0',
        '--out',
        out,
      ],
      // Killed before the test's own timeout, so a hung benchmark leaves no processes behind.
      { cwd: root, timeoutMs: 55_000 },
    );

    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/\| rooms \| Mockloop latency .* y-websocket 1\.5\.4 latency/);
    expect(stdout).toMatch(/^\| 2 \| \d/m);
    expect(stdout).toContain('taskset -c 0');
    const results = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(results.failures).toEqual([]);
    expect(results.runs.map((run: { kind: string }) => run.kind)).toEqual(['ours', 'reference']);
    for (const run of results.runs) {
      expect(run.sent).toBeGreaterThan(0);
      expect(run.delivered).toBe(run.sent);
    }
  }, 60_000);
});
