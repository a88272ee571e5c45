"""Reference solution: the k routes with the highest p95 latency in an access log.

Interviewer-only. Validate each line field by field (skip anything malformed), normalise the path
to a route, group latencies by route, then take the nearest-rank p95 of each group.
"""

import re

METHOD = re.compile(r"[A-Z]+")
STATUS = re.compile(r"[1-5][0-9][0-9]")
DIGITS = re.compile(r"[0-9]+")


def route_of(method: str, path: str) -> str:
    path = path.split("?", 1)[0]
    segments = [":id" if DIGITS.fullmatch(s) else s for s in path.split("/")]
    return f"{method} {'/'.join(segments)}"


def parse(line: str) -> tuple[str, int, int] | None:
    """(route, status, latency) for a valid line, None for anything else."""
    fields = line.split(" ")
    if len(fields) != 5 or any(f == "" for f in fields):
        return None
    _, method, path, status, latency = fields
    if not (
        METHOD.fullmatch(method)
        and path.startswith("/")
        and STATUS.fullmatch(status)
        and DIGITS.fullmatch(latency)
    ):
        return None
    return route_of(method, path), int(status), int(latency)


def slowest_endpoints(lines: list[str], k: int) -> list[list]:
    latencies: dict[str, list[int]] = {}
    errors: dict[str, int] = {}
    for line in lines:
        parsed = parse(line)
        if parsed is None:
            continue
        route, status, latency = parsed
        latencies.setdefault(route, []).append(latency)
        errors[route] = errors.get(route, 0) + (1 if status >= 500 else 0)

    rows = []
    for route, values in latencies.items():
        values.sort()
        rank = (95 * len(values) + 99) // 100  # ceil(0.95 n) in integers: the nearest rank
        rows.append([route, len(values), errors[route], values[rank - 1]])
    rows.sort(key=lambda row: (-row[3], row[0]))
    return rows[:k]
