import { type JsonValue, jsonEqual } from '@mockloop/shared';
import type { RunRequest, RunResult, TestOutcome } from './types';

/** The part of Pyodide the runner uses. */
export interface PythonRuntime {
  runPython(code: string, options?: { globals?: unknown; filename?: string }): unknown;
  globals: { get(name: string): unknown };
  setStdout(options: { batched: (text: string) => void }): void;
  setStderr(options: { batched: (text: string) => void }): void;
}

/** Keeps the traceback from the candidate's file on: Pyodide's own frames are noise here. */
export function describePythonError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text.trimEnd().split('\n');
  const start = lines.findIndex((l) => l.includes('File "solution.py"'));
  const kept = start >= 0 ? ['Traceback (most recent call last):', ...lines.slice(start)] : lines.slice(-3);
  return kept.join('\n');
}

const CALL_ENTRY = `
import json as _mockloop_json
_mockloop_result = _mockloop_json.dumps(_mockloop_entry(*_mockloop_json.loads(_mockloop_args)))
`;

/**
 * Runs Python in a fresh namespace (so runs never leak into each other), output to `write`, and
 * with tests calls the entry function on each case. Tracebacks name solution.py with editor lines.
 */
export function runPython(
  py: PythonRuntime,
  request: RunRequest,
  write: (text: string) => void,
): Omit<RunResult, 'durationMs' | 'output' | 'truncated'> {
  py.setStdout({ batched: (text) => write(`${text}\n`) });
  py.setStderr({ batched: (text) => write(`${text}\n`) });
  const namespace = (
    py.globals.get('dict') as () => { set(k: string, v: unknown): void; get(k: string): unknown }
  )();
  try {
    py.runPython(request.code, { globals: namespace, filename: 'solution.py' });
  } catch (err) {
    return { status: 'error', error: describePythonError(err) };
  }
  if (!request.tests) return { status: 'ok' };
  const entry = request.entry ? namespace.get(request.entry) : undefined;
  if (!entry) return { status: 'error', error: `Define a function named ${request.entry} to run the tests.` };
  namespace.set('_mockloop_entry', entry);
  const tests: TestOutcome[] = request.tests.map((test) => {
    const started = performance.now();
    try {
      namespace.set('_mockloop_args', JSON.stringify(test.args));
      py.runPython(CALL_ENTRY, { globals: namespace, filename: '<tests>' });
      const got = JSON.parse(String(namespace.get('_mockloop_result'))) as JsonValue;
      return { ...test, got, timeMs: performance.now() - started, pass: jsonEqual(got, test.expected) };
    } catch (err) {
      return {
        ...test,
        got: null,
        error: describePythonError(err),
        timeMs: performance.now() - started,
        pass: false,
      };
    }
  });
  return { status: 'ok', tests };
}
