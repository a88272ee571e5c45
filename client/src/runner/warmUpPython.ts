import { type PythonRuntime, runPython } from './runPython';
import type { RunJob } from './sandboxProtocol';

/** Code of the kind candidates write: functions, loops, comprehensions, a class, a heap, f-strings. */
const TYPICAL = `
import heapq
from collections import Counter, defaultdict, deque

class Item:
    def __init__(self, key, weight):
        self.key, self.weight = key, weight
    def __lt__(self, other):
        return (self.weight, self.key) < (other.weight, other.key)

def solve(values, k):
    counts = Counter(v % 7 for v in values)
    groups = defaultdict(list)
    window = deque(maxlen=3)
    for i, v in enumerate(values):
        groups[v % 3].append(f"{i}:{v}")
        window.append(v)
    heap = [Item(key, n) for key, n in counts.items()]
    heapq.heapify(heap)
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    seen = {v for v in values if v % 2}
    try:
        int("not a number")
    except ValueError as err:
        message = str(err)
    return [key for key, _ in best], len(seen), {g: len(x) for g, x in groups.items()}, list(window), message

print("warm", solve(list(range(40)), 2))
`;

/** Two jobs through the path a run takes: one that calls an entry on test arguments, one that fails. */
const JOBS: RunJob[] = [
  {
    language: 'python',
    code: TYPICAL,
    entry: 'solve',
    calls: [
      [[3, 1, 2, 3], 1],
      [[], 0],
    ],
  },
  { language: 'python', code: 'def broken(:\n    pass\n' },
];

/**
 * Runs small jobs through the same path a run takes, output thrown away, before the box says it
 * is ready: Chromium compiles a WebAssembly module's functions on their first call, and a box
 * restored from the snapshot has called few of them, so the first run paid for compiling the
 * parser, compiler and interpreter paths (80-100 ms here). Every box runs the same jobs, each in
 * a namespace of its own, like every run: nothing of anyone's code is in them.
 */
export function warmUpPython(python: PythonRuntime): void {
  for (const job of JOBS) runPython(python, job, () => {});
  // What a run leaves outside its namespace, as a fresh start has it: no source cached for
  // tracebacks, no last error, no garbage.
  python.runPython(FORGET, { globals: (python.globals.get('dict') as () => unknown)() });
}

const FORGET = `
import gc, linecache, sys
linecache.clearcache()
for name in ("last_exc", "last_type", "last_value", "last_traceback"):
    if hasattr(sys, name):
        delattr(sys, name)
gc.collect()
`;
