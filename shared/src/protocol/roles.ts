import { z } from 'zod';

/** The three seats in a room. The server assigns them; a client never chooses its own (P-ID-2). */
export const Role = z.enum(['interviewer', 'candidate', 'observer']);
export type Role = z.infer<typeof Role>;

/** Roles a room creator may pick for themselves. */
export const SeatRole = z.enum(['interviewer', 'candidate']);
export type SeatRole = z.infer<typeof SeatRole>;

export const ROLE_LABELS: Record<Role, string> = {
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  observer: 'Observer',
};

/** The seat the first non-creator takes: the one the creator left free. */
export function otherSeat(role: SeatRole): SeatRole {
  return role === 'interviewer' ? 'candidate' : 'interviewer';
}
