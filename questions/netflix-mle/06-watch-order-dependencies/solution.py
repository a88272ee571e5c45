"""Reference solution: can every show be watched without breaking a dependency?

Interviewer-only. Kahn's algorithm: repeatedly watch a show with no unwatched prerequisites. If
the queue runs dry before every show is watched, the leftover shows sit on (or behind) a cycle.
Iterative on purpose: a recursive DFS overflows Python's stack on a 5,000-show chain.
"""

from collections import deque


def can_watch_all(shows: list[str], dependencies: list[list[str]]) -> bool:
    waiting_on = {show: 0 for show in shows}  # unwatched prerequisites per show
    unlocks: dict[str, list[str]] = {show: [] for show in shows}
    for before, after in dependencies:
        unlocks[before].append(after)
        waiting_on[after] += 1  # a repeated pair is counted, and later released, twice

    ready = deque(show for show in shows if waiting_on[show] == 0)
    watched = 0
    while ready:
        show = ready.popleft()
        watched += 1
        for after in unlocks[show]:
            waiting_on[after] -= 1
            if waiting_on[after] == 0:
                ready.append(after)

    return watched == len(shows)
