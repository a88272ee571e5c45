"""Reference solution: a token bucket per client over timestamped requests.

Interviewer-only. Tokens are kept in thousandths so that refill at any whole rate per second is
exact integer arithmetic (one millisecond at r tokens per second adds r thousandths): floats
would drift at the boundary where a token has exactly come back.
"""

MILLI = 1000  # thousandths of a token in one token; also milliseconds in one second


def allow_requests(requests: list[list], capacity: int, refill_per_second: int) -> list[bool]:
    full = capacity * MILLI
    buckets: dict[str, list[int]] = {}  # client -> [thousandths of a token, time of last update]
    decisions: list[bool] = []

    for timestamp, client in requests:
        bucket = buckets.get(client)
        if bucket is None:
            bucket = buckets[client] = [full, timestamp]  # a new client starts with a full bucket
        else:
            elapsed = timestamp - bucket[1]
            bucket[0] = min(full, bucket[0] + elapsed * refill_per_second)
            bucket[1] = timestamp

        allowed = bucket[0] >= MILLI
        if allowed:
            bucket[0] -= MILLI  # a refused request takes nothing
        decisions.append(allowed)

    return decisions
