import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <script> <args>` to the end: its exit code and all it wrote. Settles on `close`, not
 * `exit`: a child can exit before its pipes are drained, and a test that read the output at exit
 * saw an empty stdout now and then (a fresh-clone run of roomDeletion.test.ts). `timeoutMs` kills
 * it with SIGKILL, so a hung child fails the test instead of hanging the run.
 */
export function runProcess(
  script: string,
  args: string[] = [],
  { env, cwd, timeoutMs }: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
