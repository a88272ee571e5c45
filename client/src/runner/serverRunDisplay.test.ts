import type { ServerRunResult } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { asRunResult, serverStageText, withLiveOutput } from './serverRunDisplay';

describe('serverStageText', () => {
  it('says where the run is in line, next or further back', () => {
    expect(serverStageText({ runId: 'r', stage: 'queued', position: 1 })).toBe('Next in line for a sandbox…');
    expect(serverStageText({ runId: 'r', stage: 'queued', position: 3 })).toBe(
      'Waiting for a sandbox: 3 in line…',
    );
  });
  it('says whether it compiles or runs', () => {
    expect(serverStageText({ runId: 'r', stage: 'compiling' })).toBe('Compiling on the server…');
    expect(serverStageText({ runId: 'r', stage: 'running' })).toBe('Running on the server…');
  });
});

describe('asRunResult', () => {
  const base: ServerRunResult = {
    runId: 'r',
    language: 'java',
    status: 'ok',
    output: 'hi',
    truncated: false,
    runMs: 12,
    queuedMs: 3,
  };
  it('keeps the run time and leaves out what the server did not say', () => {
    expect(asRunResult(base)).toEqual({
      status: 'ok',
      output: 'hi',
      truncated: false,
      durationMs: 12,
      readyMs: 0,
    });
  });
  it('carries the error and the tests when there are some', () => {
    const tests = [{ name: 't', args: [], expected: 1, got: 2, timeMs: 1, pass: false }];
    const out = asRunResult({ ...base, status: 'error', error: 'Boom', tests });
    expect(out.error).toBe('Boom');
    expect(out.tests).toEqual(tests);
  });
});

describe('withLiveOutput', () => {
  it('appends until the output passes its limit, then drops what comes', () => {
    expect(withLiveOutput('a', 'b')).toBe('ab');
    const full = 'x'.repeat(200_000);
    expect(withLiveOutput(full, 'more')).toBe(full);
  });
});
