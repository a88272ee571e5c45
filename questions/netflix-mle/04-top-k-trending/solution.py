"""Reference solution: top K trending movies over a sliding one-hour window.

Interviewer-only. Each watch enters the window once and leaves it once, so ingestion is O(1)
amortised; a query selects the top k of the distinct movies currently in the window with a heap.
"""

import heapq
from collections import deque

WINDOW_SECONDS = 3600


def top_k_trending(watches: list[list[int]], queries: list[int], k: int) -> list[list[int]]:
    counts: dict[int, int] = {}
    window: deque[tuple[int, int]] = deque()  # the last hour of watches, oldest first
    results: list[list[int]] = []
    next_watch = 0

    for now in queries:
        # Admit every watch that has happened by `now` (timestamps never decrease).
        while next_watch < len(watches) and watches[next_watch][0] <= now:
            timestamp, movie = watches[next_watch]
            window.append((timestamp, movie))
            counts[movie] = counts.get(movie, 0) + 1
            next_watch += 1

        # Evict watches that are exactly one hour old or older: the window is (now - 3600, now].
        while window and window[0][0] <= now - WINDOW_SECONDS:
            _, movie = window.popleft()
            counts[movie] -= 1
            if counts[movie] == 0:
                del counts[movie]  # keeps the per-query work proportional to live movies only

        best = heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
        results.append([movie for movie, _ in best])

    return results
