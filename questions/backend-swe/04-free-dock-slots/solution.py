"""Reference solution: free periods of at least `min_minutes` at one loading dock.

Interviewer-only. Sort the bookings by start, then sweep once with a cursor at the end of the
busy time seen so far: every jump of a booking's start past the cursor is a free gap.
"""


def free_slots(
    bookings: list[list[int]], day_start: int, day_end: int, min_minutes: int
) -> list[list[int]]:
    free: list[list[int]] = []
    cursor = day_start  # everything before this minute is booked or already reported

    def keep(start: int, end: int) -> None:
        if end - start >= min_minutes:
            free.append([start, end])

    for start, end in sorted(bookings):
        if cursor >= day_end:
            break
        if start > cursor:
            keep(cursor, min(start, day_end))  # a strict gap: touching bookings leave none
        cursor = max(cursor, end)  # nested and overlapping bookings only ever push it forward

    if cursor < day_end:
        keep(cursor, day_end)
    return free
