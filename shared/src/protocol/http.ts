import { z } from 'zod';
import { RoundType } from '../questions/roundTypes.js';
import { KebabId } from '../questions/text.js';
import { DisplayName, SeenQuestionIds } from './ids.js';
import { SeatRole } from './roles.js';

export * from '../values/http.js';

/** POST /api/rooms body. The creator's name is optional here; they give it on the join page. */
export const CreateRoomRequest = z.object({
  roundType: RoundType,
  creatorRole: SeatRole.default('interviewer'),
  name: DisplayName.optional(),
  /** Open on this question (`Practise this round`): picked for the first round, not revealed. */
  questionId: KebabId.optional(),
  /** Follow this track's loop plan (`Practise this loop`): the first round is its first stage. */
  loopTrackId: KebabId.optional(),
  /** Questions the creator's browser has seen: a loop plan draws others first (P-SEEN-2). */
  seen: SeenQuestionIds.optional(),
});
export type CreateRoomRequest = z.input<typeof CreateRoomRequest>;

export interface CreateRoomResponse {
  roomId: string;
  inviteUrl: string;
  /** The creator's participant secret: the seat with the role they chose. */
  secret: string;
}

/** GET /api/rooms/:roomId: what a join page may show before joining. */
export interface RoomSummary {
  roomId: string;
  roundType: RoundType;
  /** Seats still free; when none, a newcomer joins as observer. */
  openSeats: SeatRole[];
}
