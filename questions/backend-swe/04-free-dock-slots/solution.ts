/**
 * Reference solution: free periods of at least `minMinutes` at one loading dock. Interviewer-only.
 * Sort by start, then sweep once with a cursor at the end of the busy time seen so far.
 */
export function freeSlots(
  bookings: Array<[number, number]>,
  dayStart: number,
  dayEnd: number,
  minMinutes: number,
): Array<[number, number]> {
  const free: Array<[number, number]> = [];
  const keep = (start: number, end: number) => {
    if (end - start >= minMinutes) free.push([start, end]);
  };
  // Sort a copy: the caller's array stays as it was.
  const sorted = [...bookings].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cursor = dayStart; // everything before this minute is booked or already reported
  for (const [start, end] of sorted) {
    if (cursor >= dayEnd) break;
    if (start > cursor) keep(cursor, Math.min(start, dayEnd)); // touching bookings leave no gap
    cursor = Math.max(cursor, end); // nested and overlapping bookings only push it forward
  }
  if (cursor < dayEnd) keep(cursor, dayEnd);
  return free;
}
