/** How many of the sorted `times` are at or before `at`: the index of the first one after it. */
export function countUpTo(times: readonly number[], at: number): number {
  return search(times, (t) => t <= at);
}

/** How many of the sorted `times` are strictly before `at`. */
export function countBefore(times: readonly number[], at: number): number {
  return search(times, (t) => t < at);
}

/** Length of the prefix of `times` where `inPrefix` holds (it must hold for a prefix only). */
function search(times: readonly number[], inPrefix: (t: number) => boolean): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (inPrefix(times[mid] as number)) low = mid + 1;
    else high = mid;
  }
  return low;
}
