import { z } from 'zod';
import { RoundType } from '../questions/roundTypes.js';
import { KebabId } from '../questions/text.js';
import { ROLE_PREFERENCES } from '../values/lobby.js';
import { DisplayName, SeenQuestionIds, TabId } from './ids.js';

export * from '../values/lobby.js';

export const RolePreference = z.enum(ROLE_PREFERENCES);
export type RolePreference = z.infer<typeof RolePreference>;

export const LobbyEnterRequest = z.object({
  name: DisplayName,
  trackId: KebabId,
  roundType: RoundType,
  role: RolePreference,
  /**
   * This browser's own random id (kept in localStorage): entries with the same one are one person,
   * who has one place in line and is never paired with themself. Without it, the socket is the person.
   */
  person: TabId.optional(),
  /** Questions this browser has opened or played: the match's loop plan draws others first (P-SEEN-2). */
  seen: SeenQuestionIds.optional(),
});
export type LobbyEnterRequest = z.infer<typeof LobbyEnterRequest>;

/** Where a person stands in the lobby. */
export type LobbyStatus =
  | { state: 'waiting'; position: number; waiting: number; since: number; requeued: boolean }
  | { state: 'left' };

/** Sent to both people of a match: the room to go to and the secret of their seat. */
export interface LobbyMatch {
  roomId: string;
  secret: string;
  role: 'interviewer' | 'candidate';
  partnerName: string;
}
