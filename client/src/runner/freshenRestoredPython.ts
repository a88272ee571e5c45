import type { PythonRuntime } from './runPython';

/** What of Pyodide's Emscripten module the timezone refresh reaches (exported by Pyodide 0.28). */
interface EmscriptenModule {
  HEAP32: Int32Array;
  HEAPU32: Uint32Array;
  UTF8ToString(pointer: number): string;
  /** Emscripten's tzset: writes this browser's zone into the C globals at these addresses. */
  __tzset_js(timezone: number, daylight: number, stdName: number, dstName: number): void;
  /** Addresses of the C library's `timezone`, `daylight` and `tzname`. */
  _timezone: number;
  _daylight: number;
  _tzname: number;
}

/**
 * Every box restores the same snapshot (made once, at build time), so what Python worked out
 * at start-up is the same in each. Two things must be this box's own: `random`'s seed (fresh
 * entropy here, or every run would draw the same numbers), and the timezone (the build's, in the
 * C library's globals and in `time.tzname`/`timezone`/`altzone`/`daylight`; local times
 * themselves were right, read from the browser at each call). Python fixes the str hash seed
 * at start-up, so that one stays the snapshot's.
 */
export function freshenRestoredPython(python: PythonRuntime & { _module: EmscriptenModule }): void {
  const m = python._module;
  const names = m._tzname >>> 2;
  m.__tzset_js(m._timezone, m._daylight, m.HEAPU32[names] ?? 0, m.HEAPU32[names + 1] ?? 0);
  const zone = {
    timezone: m.HEAP32[m._timezone >>> 2] ?? 0,
    daylight: m.HEAP32[m._daylight >>> 2] ?? 0,
    tzname: [m.UTF8ToString(m.HEAPU32[names] ?? 0), m.UTF8ToString(m.HEAPU32[names + 1] ?? 0)],
  };
  // As CPython's time module sets them at import where the C library has tzname (altzone is
  // the standard zone less an hour there).
  python.runPython(`
import json as _j, random as _r, time as _t
_z = _j.loads(${JSON.stringify(JSON.stringify(zone))})
_t.timezone, _t.altzone, _t.daylight, _t.tzname = _z["timezone"], _z["timezone"] - 3600, _z["daylight"], tuple(_z["tzname"])
_r.seed()
del _j, _r, _t, _z
`);
}
