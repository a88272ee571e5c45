"""Reference solution: merge K ranked recommendation lists into one global ranking.

Interviewer-only. A k-way merge with a heap pops entries in global order (score desc, id asc), so
the first time a movie is popped is its best score; later copies are skipped.
"""

import heapq


def merge_ranked_lists(lists: list[list[list]], k: int) -> list[int]:
    # Heap entries are (-score, movie_id, list_index, position): Python compares tuples in order,
    # which gives score desc, then id asc, then a deterministic tie-break on the list.
    heap = [(-row[0][1], row[0][0], index, 0) for index, row in enumerate(lists) if row]
    heapq.heapify(heap)

    merged: list[int] = []
    seen: set[int] = set()
    while heap and len(merged) < k:
        _, movie, index, position = heapq.heappop(heap)
        if movie not in seen:
            seen.add(movie)
            merged.append(movie)
        row = lists[index]
        if position + 1 < len(row):
            next_movie, next_score = row[position + 1]
            heapq.heappush(heap, (-next_score, next_movie, index, position + 1))

    return merged
