/// <reference lib="webworker" />
import { countDownloads } from './countDownloads';
import { freshenRestoredPython } from './freshenRestoredPython';
import { OutputBuffer } from './OutputBuffer';
import { readExactly } from './readExactly';
import { runJavaScript } from './runJavaScript';
import { type PythonRuntime, runPython } from './runPython';
import { BOOTED, type BoxToPage, type PageToBox, type RunJob } from './sandboxProtocol';
import { warmUpPython } from './warmUpPython';

/**
 * The worker inside the sandbox iframe: it loads what a job needs when told to prepare (Python
 * too, for a Python room, so a spare box is warm), then runs one job. It lives in an opaque
 * origin with no network, and the page throws it away after that one job (or at the time limit),
 * so nothing the code does outlives its run.
 */
declare const self: DedicatedWorkerGlobalScope;
/** Where the build puts Pyodide: `/pyodide/<version>/` (client/vite/copyPyodide.ts). */
declare const __PYODIDE_PATH__: string;
/** Python's memory snapshot just after start-up, a file in that folder (client/vite/pythonSnapshot.ts). */
declare const __PYODIDE_SNAPSHOT__: string;
/** What each file Pyodide downloads decodes to (client/vite/copyPyodide.ts). */
declare const __PYODIDE_FETCHED_BYTES__: Record<string, number>;

const post = (message: BoxToPage | { type: typeof BOOTED }) => self.postMessage(message);

let python: PythonRuntime | undefined;

/**
 * Pyodide from the app's own origin (/pyodide/<version>/), found from this module's own URL: the worker
 * itself runs from a blob: URL in an opaque origin, where `location` says nothing useful.
 */
async function loadPython(): Promise<PythonRuntime> {
  post({ type: 'progress', stage: 'Loading Python…' });
  // Real progress: the bytes of Pyodide's downloads as they arrive (from the cache, after once).
  const snapshotLength = __PYODIDE_FETCHED_BYTES__[__PYODIDE_SNAPSHOT__];
  const count = countDownloads(
    self,
    __PYODIDE_FETCHED_BYTES__,
    ({ loaded, total }) =>
      post({
        type: 'progress',
        stage:
          loaded < total
            ? `Loading Python… ${megabytes(loaded)} of ${megabytes(total)} MB`
            : 'Starting Python…',
        loaded,
        total,
      }),
    [__PYODIDE_SNAPSHOT__],
  );
  try {
    const indexURL = new URL(__PYODIDE_PATH__, import.meta.url).href;
    // Fetched beside Pyodide's own files; restoring it skips Python's start-up (seconds).
    const snapshot = fetch(`${indexURL}${__PYODIDE_SNAPSHOT__}`).then((response) => {
      if (!response.ok) throw new Error(`Python's snapshot did not load (${response.status}).`);
      // Its length is known from the build (not on the dev server, which takes /pyodide/ from it).
      return snapshotLength === undefined
        ? response.arrayBuffer()
        : readExactly(response, snapshotLength, (bytes) => count.add(__PYODIDE_SNAPSHOT__, bytes));
    });
    snapshot.catch(() => {}); // Pyodide reports it when it reads it; no unhandled rejection before.
    const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as {
      loadPyodide(options: {
        indexURL: string;
        _loadSnapshot: Promise<ArrayBuffer>;
      }): Promise<Parameters<typeof freshenRestoredPython>[0]>;
    };
    const python = await loadPyodide({ indexURL, _loadSnapshot: snapshot });
    // Copied into Python's memory: let go of the 21 MB now (Pyodide keeps its options for good,
    // and an idle worker may not collect garbage for minutes).
    ((await snapshot) as ArrayBuffer & { transfer?(length: number): ArrayBuffer }).transfer?.(0);
    freshenRestoredPython(python);
    warmUpPython(python);
    return python;
  } finally {
    count.stop();
  }
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * Pyodide catches two failures of its own loading and only logs them (a WebAssembly download cut
 * short, a standard library that did not arrive: a server restart mid-load does both), then
 * waits forever. Seeing those logs, this rejects, so the box says it could not load.
 */
function pyodideLoadFailure(): { failed: Promise<never>; stop(): void } {
  const original = { warn: console.warn, error: console.error };
  let reject: (reason: Error) => void = () => {};
  const failed = new Promise<never>((_, fail) => {
    reject = fail;
  });
  const watch =
    (log: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      log(...args);
      const text = String(args[0]);
      if (/wasm instantiation failed|installing the standard library/.test(text)) reject(new Error(text));
    };
  console.warn = watch(original.warn);
  console.error = watch(original.error);
  return {
    failed,
    stop: () => Object.assign(console, original),
  };
}

async function prepare(language: RunJob['language']): Promise<void> {
  const watch = pyodideLoadFailure();
  try {
    if (language === 'python') python ??= await Promise.race([loadPython(), watch.failed]);
    post({ type: 'ready' });
  } catch (err) {
    post({ type: 'crashed', error: `Could not load the runner: ${describe(err)}` });
  } finally {
    watch.stop();
  }
}

function run(job: RunJob): void {
  const buffer = new OutputBuffer();
  const write = (text: string) => {
    const kept = buffer.write(text);
    if (kept) post({ type: 'output', text: kept });
  };
  try {
    if (job.language === 'python' && !python) throw new Error('Python is not loaded.');
    const outcome =
      python && job.language === 'python' ? runPython(python, job, write) : runJavaScript(job, write);
    post({ type: 'done', ...outcome });
  } catch (err) {
    // Out of memory and friends: say so; the page discards this box either way.
    post({ type: 'crashed', error: describe(err) });
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

self.onmessage = (event: MessageEvent<PageToBox>) => {
  const message = event.data;
  if (message.type === 'prepare') void prepare(message.language);
  else if (message.type === 'run') run(message.job);
};

post({ type: BOOTED });
