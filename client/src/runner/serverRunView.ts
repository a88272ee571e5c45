import type { ServerRunProgress, ServerRunResult } from '@mockloop/shared';
import type { RunResult } from './types';

/** What a server run waits for, in words (the output stage streams text instead). */
export function serverStageText(progress: Exclude<ServerRunProgress, { stage: 'output' }>): string {
  if (progress.stage === 'queued') {
    return progress.position <= 1
      ? 'Next in line for a sandbox…'
      : `Waiting for a sandbox: ${progress.position} in line…`;
  }
  return progress.stage === 'compiling' ? 'Compiling on the server…' : 'Running on the server…';
}

/** A server run's answer in the shape the output panel shows for the interviewer's hidden details. */
export function asRunResult(result: ServerRunResult): RunResult {
  const out: RunResult = {
    status: result.status,
    output: result.output,
    truncated: result.truncated,
    durationMs: result.runMs,
    readyMs: 0,
  };
  if (result.error) out.error = result.error;
  if (result.tests) out.tests = result.tests;
  return out;
}
