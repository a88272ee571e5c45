/**
 * Reference solution: deploy services in waves, each after everything it depends on.
 * Interviewer-only. Kahn's algorithm one level at a time; leftovers mean a cycle.
 */

/** Character-code order, the same as Python's default string sort. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function deployWaves(services: string[], dependsOn: Array<[string, string]>): string[][] {
  const waiting = new Map<string, number>(services.map((s) => [s, 0]));
  const dependents = new Map<string, string[]>(services.map((s) => [s, []]));
  for (const [service, dependency] of dependsOn) {
    // A repeated pair is counted twice here and released twice below.
    waiting.set(service, (waiting.get(service) ?? 0) + 1);
    dependents.get(dependency)?.push(service);
  }

  const waves: string[][] = [];
  let wave = services.filter((s) => waiting.get(s) === 0).sort(byCode);
  let deployed = 0;
  while (wave.length > 0) {
    waves.push(wave);
    deployed += wave.length;
    const released: string[] = [];
    for (const service of wave) {
      for (const dependent of dependents.get(service) ?? []) {
        const left = (waiting.get(dependent) ?? 0) - 1;
        waiting.set(dependent, left);
        if (left === 0) released.push(dependent);
      }
    }
    wave = released.sort(byCode);
  }
  return deployed === services.length ? waves : [];
}
