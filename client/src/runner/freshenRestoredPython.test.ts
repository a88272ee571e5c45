import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePythonSnapshot } from '../../vite/pythonSnapshot';
import { freshenRestoredPython } from './freshenRestoredPython';
import { warmUpPython } from './warmUpPython';

type Restored = Parameters<typeof freshenRestoredPython>[0];

const pyodideDir = path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const previousTz = process.env.TZ;
let snapshot: Uint8Array;
let loadPyodide: (options: Record<string, unknown>) => Promise<Restored>;

/** A box's Python as the worker starts it: restored from the build's snapshot, freshened, warmed up. */
async function restore(): Promise<Restored> {
  const python = await loadPyodide({ indexURL: `${pyodideDir}${path.sep}`, _loadSnapshot: snapshot.slice() });
  freshenRestoredPython(python);
  warmUpPython(python);
  return python;
}

/** A Python expression's value as JSON, worked out in a namespace of its own (as runs are). */
function read(python: Restored, expression: string): unknown {
  const namespace = (python.globals.get('dict') as () => unknown)();
  return JSON.parse(
    String(python.runPython(`import json\njson.dumps(${expression})`, { globals: namespace })),
  );
}

// Making the snapshot starts Python from scratch in Node: seconds, as in the build.
beforeAll(async () => {
  snapshot = await makePythonSnapshot(pyodideDir);
  ({ loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, 'pyodide.mjs')).href));
  // Node reads TZ at each call: the boxes below live in New York, the snapshot was made in UTC.
  process.env.TZ = 'America/New_York';
}, 120_000);

afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe('a box restored from the build’s Python snapshot', () => {
  it('holds only Python’s own start-up, draws its own random numbers and keeps this browser’s zone', async () => {
    const [a, b] = [await restore(), await restore()];
    // The snapshot's interpreter never ran anyone's code: __main__ has what Pyodide's start-up
    // puts there, nothing else.
    const names = 'sorted(k for k in __import__("__main__").__dict__ if not k.startswith("__"))';
    expect(read(a, names)).toEqual(['_pyodide_core']);
    // Nor did the warm-up's jobs leave anything a run could see: no cached source, no last error.
    const sys = '__import__("sys")';
    expect(
      read(
        a,
        `[list(__import__("linecache").cache), hasattr(${sys}, "last_value"), hasattr(${sys}, "last_exc")]`,
      ),
    ).toEqual([[], false, false]);
    // Same snapshot, different numbers: each box seeds random on its own.
    const draw = '[__import__("random").random() for _ in range(4)]';
    expect(read(a, draw)).not.toEqual(read(b, draw));
    // The zone as CPython's time module reads it at start-up under Emscripten, for New York.
    const time = '__import__("time")';
    expect(read(a, `[${time}.tzname, ${time}.timezone, ${time}.altzone, ${time}.daylight]`)).toEqual([
      ['UTC-0500', 'UTC-0400'],
      18000,
      14400,
      1,
    ]);
    expect(read(a, `${time}.strftime("%Z", ${time}.localtime(1767225600))`)).toBe('UTC-0500');
  }, 60_000);
});
