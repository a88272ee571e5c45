import type { ServerRunProgress, ServerRunResult } from '@mockloop/shared';
import type { RunResult } from './types';

/** What the run panel says while a server run waits in line, compiles or runs. */
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

/** The most of a run's streamed output kept in the panel; later output is dropped. */
const LIVE_OUTPUT_LIMIT = 200_000;

/** The live output with `text` streamed onto it, while it is under the limit. */
export function withLiveOutput(live: string, text: string): string {
  return live.length < LIVE_OUTPUT_LIMIT ? live + text : live;
}
