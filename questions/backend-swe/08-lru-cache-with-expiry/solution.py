"""Reference solution: an LRU cache whose entries also expire a fixed time after they are written.

Interviewer-only. An OrderedDict keeps recency (least recent first). Because every entry lives for
the same ttl and time never goes back, entries expire in the order they were written: a FIFO of
(write time, key) finds them in O(1) amortised, skipping keys rewritten since.
"""

from collections import OrderedDict, deque


def lru_ttl_cache(capacity: int, ttl: int, operations: list[list]) -> list[int]:
    entries: OrderedDict[str, tuple[int, int]] = OrderedDict()  # key -> (value, written at)
    writes: deque[tuple[int, str]] = deque()  # (written at, key), oldest first
    results: list[int] = []

    def expire(now: int) -> None:
        while writes and writes[0][0] + ttl <= now:
            written, key = writes.popleft()
            entry = entries.get(key)
            if entry is not None and entry[1] == written:  # not rewritten since: it has expired
                del entries[key]

    for now, op, key, value in operations:
        expire(now)  # expired entries never count towards capacity and are never returned
        if op == "get":
            entry = entries.get(key)
            if entry is None:
                results.append(-1)
            else:
                entries.move_to_end(key)  # a hit makes it most recent, but does not extend its life
                results.append(entry[0])
        else:
            if key in entries:
                entries.move_to_end(key)
            elif len(entries) >= capacity:
                entries.popitem(last=False)  # the least recently used live entry
            entries[key] = (value, now)
            writes.append((now, key))

    return results
