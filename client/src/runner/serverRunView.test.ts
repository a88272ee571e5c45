import type { ServerRunResult } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { asRunResult, serverStageText } from './serverRunView';

describe('server run view', () => {
  it('says where a queued run is in line, and what the server is doing', () => {
    expect(serverStageText({ runId: 'r', stage: 'queued', position: 1 })).toBe('Next in line for a sandbox…');
    expect(serverStageText({ runId: 'r', stage: 'queued', position: 3 })).toBe(
      'Waiting for a sandbox: 3 in line…',
    );
    expect(serverStageText({ runId: 'r', stage: 'compiling' })).toBe('Compiling on the server…');
    expect(serverStageText({ runId: 'r', stage: 'running' })).toBe('Running on the server…');
  });

  it('shows a server result as a run result, without absent fields', () => {
    const result: ServerRunResult = {
      runId: 'r',
      language: 'go',
      status: 'ok',
      output: 'hi',
      truncated: false,
      runMs: 12,
      queuedMs: 3,
    };
    expect(asRunResult(result)).toEqual({
      status: 'ok',
      output: 'hi',
      truncated: false,
      durationMs: 12,
      readyMs: 0,
    });
    expect(asRunResult({ ...result, status: 'error', error: 'boom' }).error).toBe('boom');
  });
});
