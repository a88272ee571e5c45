import type { RoundType } from '@mockloop/shared';
import type { RoundRecord } from '../store/Store.js';

/** Minutes on a fresh round's clock until a question sets its own. */
export const DEFAULT_ROUND_MINUTES: Record<RoundType, number> = {
  coding: 45,
  'system-design': 45,
  behavioral: 20,
  technical: 30,
};

/** A round that has not started: no question, timer stopped at the round type's default. */
export function newRound(
  roomId: string,
  number: number,
  roundType: RoundType,
  seats: { interviewerId: string | null; candidateId: string | null },
  now: number,
): RoundRecord {
  const durationMs = DEFAULT_ROUND_MINUTES[roundType] * 60_000;
  return {
    roomId,
    number,
    roundType,
    questionId: null,
    revealedAt: null,
    hintTimes: [],
    starterFor: null,
    startedAt: now,
    interviewerId: seats.interviewerId,
    candidateId: seats.candidateId,
    endedAt: null,
    timer: { durationMs, endsAt: null, remainingMs: durationMs },
  };
}
