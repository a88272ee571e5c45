/**
 * Reference solution: merge K ranked recommendation lists into one global ranking. Interviewer-only.
 * A heap k-way merge pops entries in global order, so a movie's first pop carries its best score.
 */

type Cursor = { score: number; movie: number; list: number; position: number };

/** Global order: higher score first, then smaller movie id, then earlier list (for determinism). */
function before(a: Cursor, b: Cursor): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.movie !== b.movie) return a.movie < b.movie;
  return a.list < b.list;
}

class CursorHeap {
  private readonly items: Cursor[] = [];

  get size(): number {
    return this.items.length;
  }

  push(cursor: Cursor): void {
    this.items.push(cursor);
    let child = this.items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!before(this.items[child] as Cursor, this.items[parent] as Cursor)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  pop(): Cursor | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top === undefined || last === undefined || this.items.length === 0) return top;
    this.items[0] = last;
    let parent = 0;
    for (;;) {
      let first = parent;
      for (const child of [2 * parent + 1, 2 * parent + 2]) {
        if (child < this.items.length && before(this.items[child] as Cursor, this.items[first] as Cursor)) {
          first = child;
        }
      }
      if (first === parent) break;
      this.swap(parent, first);
      parent = first;
    }
    return top;
  }

  private swap(i: number, j: number): void {
    const tmp = this.items[i] as Cursor;
    this.items[i] = this.items[j] as Cursor;
    this.items[j] = tmp;
  }
}

export function mergeRankedLists(lists: Array<Array<[number, number]>>, k: number): number[] {
  const heap = new CursorHeap();
  lists.forEach((row, list) => {
    const head = row[0];
    if (head) heap.push({ movie: head[0], score: head[1], list, position: 0 });
  });

  const merged: number[] = [];
  const seen = new Set<number>();
  while (heap.size > 0 && merged.length < k) {
    const cursor = heap.pop() as Cursor;
    if (!seen.has(cursor.movie)) {
      seen.add(cursor.movie);
      merged.push(cursor.movie);
    }
    const next = lists[cursor.list]?.[cursor.position + 1];
    if (next) heap.push({ movie: next[0], score: next[1], list: cursor.list, position: cursor.position + 1 });
  }
  return merged;
}
