import type { RolePreference } from '@mockloop/shared';

/** Each role preference as the lobby names it. */
export const ROLE_CHOICES: Record<RolePreference, string> = {
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  either: 'Either',
};
