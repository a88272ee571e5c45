import { ROOM_ID_PATTERN } from '@mockloop/shared';
import type { Request } from 'express';
import type { ReportKeys } from '../auth/ReportKeys.js';
import { looksLikeReviewKey } from '../auth/ReviewKeys.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { ParticipantRecord } from '../store/Store.js';

export interface RequestParticipantOptions {
  /** Also accept a read-only report key (P-PRIV-6): for what the report shows, never more. */
  reportKey?: boolean;
  /**
   * Also accept a review key of this round (P-REVIEW-2): it reads as the round's candidate, for
   * the replay of that round alone.
   */
  reviewRound?: number;
  /**
   * Also accept a review key of any round of the room: for board images, which belong to the
   * room, not a round, and are named by ids only a board that shows them holds (P-REVIEW-2).
   */
  anyReviewRound?: boolean;
}

/** Who a review key speaks for (ReviewService.authorize), as far as these routes need. */
export type ReviewAuthorizer = (
  roomId: string,
  key: string,
) => Promise<{ review: { round: number }; candidate: ParticipantRecord } | null>;

/**
 * The participant a request speaks for, in the room of its `:roomId`: the bearer is their secret
 * (the seat's full rights), or, where the route allows it, their read-only report key. Null for
 * anything else, a malformed room id included.
 */
export function requestParticipant(rooms: RoomService, reportKeys: ReportKeys, reviews?: ReviewAuthorizer) {
  return async (req: Request, options: RequestParticipantOptions = {}): Promise<ParticipantRecord | null> => {
    const roomId = String(req.params.roomId);
    if (!ROOM_ID_PATTERN.test(roomId)) return null;
    const credential = /^Bearer (\S{1,128})$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (/^[A-Za-z0-9_-]{43}$/.test(credential)) return rooms.participantBySecret(roomId, credential);
    if (looksLikeReviewKey(credential)) {
      if ((options.reviewRound === undefined && !options.anyReviewRound) || !reviews) return null;
      const reviewer = await reviews(roomId, credential);
      if (!reviewer) return null;
      return options.anyReviewRound || reviewer.review.round === options.reviewRound
        ? reviewer.candidate
        : null;
    }
    if (!options.reportKey) return null;
    const participantId = reportKeys.verify(roomId, credential);
    if (!participantId) return null;
    const participant = await rooms.participant(participantId);
    return participant?.roomId === roomId ? participant : null;
  };
}
