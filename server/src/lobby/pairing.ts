import type { RolePreference, RoundType } from '@mockloop/shared';

/** A person waiting in the lobby. `channel` is where to reach them (a Socket.IO room name). */
export interface WaitingEntry {
  id: string;
  /** Who this is: the same person (one browser, any tab) is never paired with themself. */
  person: string;
  channel: string;
  name: string;
  trackId: string;
  roundType: RoundType;
  role: RolePreference;
  enqueuedAt: number;
  /** Put back at the front after a partner failed to arrive. */
  requeued: boolean;
  /** Questions the person's browser has seen (P-SEEN-2); not kept when put back in line. */
  seen?: string[];
}

/** Two people can practise together: same track and round type, and their roles fit. */
export function compatible(a: WaitingEntry, b: WaitingEntry): boolean {
  if (a.id === b.id || a.person === b.person) return false;
  if (a.trackId !== b.trackId || a.roundType !== b.roundType) return false;
  return a.role === 'either' || b.role === 'either' || a.role !== b.role;
}

/**
 * First come, first served: the earliest person in line (queue order) who is compatible with the
 * newcomer. Queue order already puts re-queued people at the front.
 */
export function findPartner(
  queue: readonly WaitingEntry[],
  newcomer: WaitingEntry,
): WaitingEntry | undefined {
  return queue.find((waiting) => compatible(waiting, newcomer));
}

/**
 * Seats a compatible pair. A fixed preference wins; between two "either", the one who waited
 * longer (`first`) interviews.
 */
export function assignSeats(first: WaitingEntry, second: WaitingEntry) {
  const firstInterviews =
    first.role === 'interviewer' ||
    second.role === 'candidate' ||
    (first.role === 'either' && second.role === 'either');
  return firstInterviews
    ? { interviewer: first, candidate: second }
    : { interviewer: second, candidate: first };
}
