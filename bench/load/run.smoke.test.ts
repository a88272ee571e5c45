import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

/** Runs the benchmark script to the end; resolves with its exit code and output. */
function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/load/run.mjs', ...args], { cwd: root });
    cleanup.push(() => child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('bench:load (smoke: the load benchmark itself is not part of the test suite)', () => {
  it('starts both servers, drives 2 rooms for 2 s, prints the table and writes the JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-bench-smoke-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const out = path.join(dir, 'load.json');

    const { code, stdout, stderr } = await runBench([
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
    ]);

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
