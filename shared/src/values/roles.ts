/** The three seats in a room. The server assigns them; a client never chooses its own (P-ID-2). */
export const ROLES = ['interviewer', 'candidate', 'observer'] as const;

/** Roles a room creator may pick for themselves. */
export const SEAT_ROLES = ['interviewer', 'candidate'] as const;

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  observer: 'Observer',
};

/** The seat the first non-creator takes: the one the creator left free. */
export function otherSeat(role: (typeof SEAT_ROLES)[number]): (typeof SEAT_ROLES)[number] {
  return role === 'interviewer' ? 'candidate' : 'interviewer';
}

/** The seat a participant holds in a round: one of its two, or observing it. */
export function seatOf(
  round: { interviewerId: string | null; candidateId: string | null },
  participantId: string,
): (typeof ROLES)[number] {
  if (participantId === round.interviewerId) return 'interviewer';
  return participantId === round.candidateId ? 'candidate' : 'observer';
}
