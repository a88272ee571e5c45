import type { BoxOutcome, CallReport, RunJob } from './sandboxProtocol';

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
 * Runs Python (output to `write`) and with calls, calls the entry on each one's arguments,
 * reporting what came back as JSON text; judging it is the page's business. Tracebacks name
 * solution.py with editor lines.
 */
export function runPython(py: PythonRuntime, job: RunJob, write: (text: string) => void): BoxOutcome {
  py.setStdout({ batched: (text) => write(`${text}\n`) });
  py.setStderr({ batched: (text) => write(`${text}\n`) });
  const namespace = (
    py.globals.get('dict') as () => { set(k: string, v: unknown): void; get(k: string): unknown }
  )();
  try {
    py.runPython(job.code, { globals: namespace, filename: 'solution.py' });
  } catch (err) {
    return { status: 'error', error: describePythonError(err) };
  }
  if (!job.calls) return { status: 'ok' };
  const entry = job.entry ? namespace.get(job.entry) : undefined;
  if (!entry) return { status: 'error', error: `Define a function named ${job.entry} to run the tests.` };
  namespace.set('_mockloop_entry', entry);
  const calls: CallReport[] = job.calls.map((args) => {
    const started = performance.now();
    try {
      namespace.set('_mockloop_args', JSON.stringify(args));
      py.runPython(CALL_ENTRY, { globals: namespace, filename: '<tests>' });
      return { json: String(namespace.get('_mockloop_result')), timeMs: performance.now() - started };
    } catch (err) {
      return { error: describePythonError(err), timeMs: performance.now() - started };
    }
  });
  return { status: 'ok', calls };
}
