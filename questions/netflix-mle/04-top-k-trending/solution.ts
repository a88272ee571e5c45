/**
 * Reference solution: top K trending movies over a sliding one-hour window. Interviewer-only.
 * Each watch enters and leaves the window once; a query keeps a size-k min-heap of the best movies.
 */

const WINDOW_SECONDS = 3600;

type Entry = { movie: number; count: number };

/** True when `a` ranks below `b`: fewer watches, or the same watches and a larger id. */
function ranksBelow(a: Entry, b: Entry): boolean {
  return a.count !== b.count ? a.count < b.count : a.movie > b.movie;
}

/** A min-heap on rank, holding at most k entries: the root is the weakest of the current best. */
class BoundedHeap {
  private readonly items: Entry[] = [];

  constructor(private readonly capacity: number) {}

  offer(entry: Entry): void {
    if (this.capacity === 0) return;
    if (this.items.length < this.capacity) {
      this.items.push(entry);
      this.siftUp(this.items.length - 1);
    } else if (ranksBelow(this.items[0] as Entry, entry)) {
      this.items[0] = entry;
      this.siftDown(0);
    }
  }

  /** The kept entries, best first. */
  drain(): Entry[] {
    return [...this.items].sort((a, b) => (ranksBelow(a, b) ? 1 : -1));
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!ranksBelow(this.items[child] as Entry, this.items[parent] as Entry)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    let parent = index;
    for (;;) {
      let weakest = parent;
      for (const child of [2 * parent + 1, 2 * parent + 2]) {
        if (
          child < this.items.length &&
          ranksBelow(this.items[child] as Entry, this.items[weakest] as Entry)
        ) {
          weakest = child;
        }
      }
      if (weakest === parent) return;
      this.swap(parent, weakest);
      parent = weakest;
    }
  }

  private swap(i: number, j: number): void {
    const tmp = this.items[i] as Entry;
    this.items[i] = this.items[j] as Entry;
    this.items[j] = tmp;
  }
}

export function topKTrending(watches: number[][], queries: number[], k: number): number[][] {
  const counts = new Map<number, number>();
  const results: number[][] = [];
  // Watches arrive in time order, so the window is the slice [oldest, next) of the stream.
  let oldest = 0;
  let next = 0;

  for (const now of queries) {
    while (next < watches.length && (watches[next]?.[0] as number) <= now) {
      const movie = watches[next]?.[1] as number;
      counts.set(movie, (counts.get(movie) ?? 0) + 1);
      next++;
    }
    // The window is (now - 3600, now]: a watch exactly one hour old has expired.
    while (oldest < next && (watches[oldest]?.[0] as number) <= now - WINDOW_SECONDS) {
      const movie = watches[oldest]?.[1] as number;
      const left = (counts.get(movie) ?? 0) - 1;
      if (left === 0) counts.delete(movie);
      else counts.set(movie, left);
      oldest++;
    }

    const heap = new BoundedHeap(k);
    for (const [movie, count] of counts) heap.offer({ movie, count });
    results.push(heap.drain().map((entry) => entry.movie));
  }

  return results;
}
