import crypto from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * How the snapshot is made. Part of its file name, so a change here (or a new Pyodide) gives a
 * new URL and no browser keeps an old snapshot under the immutable cache of /pyodide/<version>/.
 */
const RECIPE = {
  // What a browser's Pyodide has when it starts with no `_sysExecutable` (Emscripten's default),
  // so sys.executable and os.environ['_'] read as they did before snapshots.
  _sysExecutable: './this.program',
  // Node's own timezone would be baked into time.timezone; the box recomputes it on restore.
  tz: 'UTC',
};

/** The snapshot's file name for this Pyodide build and recipe: `python-<hash>.snapshot`. */
export function snapshotFileName(pyodideVersion: string): string {
  const hash = crypto
    .createHash('sha256')
    .update(`${pyodideVersion}\n${JSON.stringify(RECIPE)}`)
    .digest('hex')
    .slice(0, 12);
  return `python-${hash}.snapshot`;
}

interface SnapshotMaker {
  makeMemorySnapshot(): Uint8Array;
}

/**
 * A memory snapshot of Pyodide right after start-up, made here in Node from the very build the
 * browser loads (Pyodide refuses a snapshot of another build). The interpreter it is taken from
 * runs no code but Pyodide's own start-up, so it holds nothing of anyone's run; each box starts
 * from it instead of starting Python from scratch (client/src/runner/runner.worker.ts).
 */
export async function makePythonSnapshot(pyodideDir: string): Promise<Uint8Array> {
  const previousTz = process.env.TZ;
  process.env.TZ = RECIPE.tz;
  try {
    const { loadPyodide } = (await import(pathToFileURL(path.join(pyodideDir, 'pyodide.mjs')).href)) as {
      loadPyodide(options: Record<string, unknown>): Promise<SnapshotMaker>;
    };
    const python = await loadPyodide({
      indexURL: `${pyodideDir}${path.sep}`,
      _makeSnapshot: true,
      _sysExecutable: RECIPE._sysExecutable,
      stdout: () => {},
      stderr: () => {},
    });
    return python.makeMemorySnapshot();
  } finally {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  }
}
