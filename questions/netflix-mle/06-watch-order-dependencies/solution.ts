/**
 * Reference solution: can every show be watched without breaking a dependency? Interviewer-only.
 * Kahn's algorithm; if it stalls before every show is watched, the rest lie on or behind a cycle.
 */
export function canWatchAll(shows: string[], dependencies: Array<[string, string]>): boolean {
  const waitingOn = new Map<string, number>(shows.map((show) => [show, 0]));
  const unlocks = new Map<string, string[]>(shows.map((show) => [show, []]));
  for (const [before, after] of dependencies) {
    unlocks.get(before)?.push(after);
    // A repeated pair is counted twice here and released twice below, so duplicates are harmless.
    waitingOn.set(after, (waitingOn.get(after) ?? 0) + 1);
  }

  // An array with a read index is a queue without the O(n) cost of shift().
  const ready = shows.filter((show) => waitingOn.get(show) === 0);
  for (let head = 0; head < ready.length; head++) {
    for (const after of unlocks.get(ready[head] as string) ?? []) {
      const left = (waitingOn.get(after) ?? 0) - 1;
      waitingOn.set(after, left);
      if (left === 0) ready.push(after);
    }
  }
  return ready.length === shows.length;
}
