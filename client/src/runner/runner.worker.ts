/// <reference lib="webworker" />
import { OutputBuffer } from './OutputBuffer';
import { runJavaScript } from './runJavaScript';
import { type PythonRuntime, runPython } from './runPython';
import type { RunRequest, WorkerMessage } from './types';

/**
 * One worker runs code for one page. The page terminates it when a run overruns its time limit
 * (an infinite loop cannot be interrupted any other way) and starts a fresh one.
 */
declare const self: DedicatedWorkerGlobalScope;

const post = (message: WorkerMessage) => self.postMessage(message);

let python: Promise<PythonRuntime> | undefined;

/** Pyodide from the app's own origin (/pyodide/), loaded on the first Python run only. */
function loadPython(): Promise<PythonRuntime> {
  python ??= (async () => {
    post({ type: 'progress', stage: 'Downloading Python (about 12 MB, once)…' });
    const url = new URL('/pyodide/pyodide.mjs', self.location.origin).href;
    const { loadPyodide } = (await import(/* @vite-ignore */ url)) as {
      loadPyodide(options: { indexURL: string }): Promise<PythonRuntime>;
    };
    const runtime = await loadPyodide({ indexURL: new URL('/pyodide/', self.location.origin).href });
    post({ type: 'progress', stage: 'Python is ready' });
    return runtime;
  })();
  return python;
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  const buffer = new OutputBuffer();
  const write = (text: string) => {
    const kept = buffer.write(text);
    if (kept) post({ type: 'output', text: kept });
  };
  try {
    const runtime = request.language === 'python' ? await loadPython() : undefined;
    post({ type: 'started' });
    const outcome = runtime ? runPython(runtime, request, write) : runJavaScript(request, write);
    post({ type: 'done', result: { ...outcome, output: buffer.text(), truncated: buffer.truncated } });
  } catch (err) {
    // Out of memory and friends: report cleanly; the page replaces this worker.
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    post({
      type: 'done',
      result: { status: 'crashed', error: message, output: buffer.text(), truncated: buffer.truncated },
    });
  }
};
