/**
 * Reference solution: an LRU cache whose entries also expire a fixed time after they are written.
 * Interviewer-only. A hash map to nodes of a doubly linked list keeps recency (O(1) move and
 * evict; a Map used as the list is O(capacity) per eviction in V8, which skips deleted slots).
 * With one ttl for all and time moving forward, entries expire in write order: a FIFO finds them.
 */

type Operation = [time: number, op: string, key: string, value: number];

interface Node {
  key: string;
  value: number;
  writtenAt: number;
  prev: Node | null; // towards the least recently used end
  next: Node | null; // towards the most recently used end
}

/** Recency list: `oldest` is the least recently used node, `newest` the most recent. */
class RecencyList {
  oldest: Node | null = null;
  newest: Node | null = null;

  append(node: Node): void {
    node.prev = this.newest;
    node.next = null;
    if (this.newest) this.newest.next = node;
    else this.oldest = node;
    this.newest = node;
  }

  unlink(node: Node): void {
    if (node.prev) node.prev.next = node.next;
    else this.oldest = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.newest = node.prev;
    node.prev = null;
    node.next = null;
  }
}

export function lruTtlCache(capacity: number, ttl: number, operations: Operation[]): number[] {
  const nodes = new Map<string, Node>();
  const recency = new RecencyList();
  const writes: Node[] = []; // every write's node, oldest first, read from `head`
  const writtenAt: number[] = []; // the write time of each queued write
  let head = 0;
  const results: number[] = [];

  const remove = (node: Node) => {
    recency.unlink(node);
    nodes.delete(node.key);
  };
  const expire = (now: number) => {
    while (head < writes.length && (writtenAt[head] as number) + ttl <= now) {
      const node = writes[head] as Node;
      // Skip writes superseded by a later put of the same key, or already evicted.
      if (node.writtenAt === writtenAt[head] && nodes.get(node.key) === node) remove(node);
      head++;
    }
  };

  for (const [now, op, key, value] of operations) {
    expire(now); // expired entries never count towards capacity and are never returned
    const node = nodes.get(key);
    if (op === 'get') {
      if (node) {
        recency.unlink(node); // most recent now; its expiry stays as it was
        recency.append(node);
      }
      results.push(node ? node.value : -1);
      continue;
    }
    if (node) {
      recency.unlink(node);
      node.value = value;
      node.writtenAt = now;
      recency.append(node);
      writes.push(node);
    } else {
      if (nodes.size >= capacity && recency.oldest) remove(recency.oldest);
      const fresh: Node = { key, value, writtenAt: now, prev: null, next: null };
      nodes.set(key, fresh);
      recency.append(fresh);
      writes.push(fresh);
    }
    writtenAt.push(now);
  }
  return results;
}
