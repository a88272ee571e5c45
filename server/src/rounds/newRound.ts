import { DEFAULT_ROUND_MINUTES, type RoundType } from '@mockloop/shared';
import type { RoundRecord } from '../store/Store.js';

/** How a round opens beyond its type: the loop stage it plays, a question picked ahead, its minutes. */
export interface RoundOpening {
  planStage?: number;
  /** Picked, not revealed: private to the round's interviewer like any pick. */
  questionId?: string;
  /** The stage's or the question's minutes; the round type's default otherwise. */
  minutes?: number;
}

/** A round that has not started: the timer stopped at its full duration, nothing revealed. */
export function newRound(
  roomId: string,
  number: number,
  roundType: RoundType,
  seats: { interviewerId: string | null; candidateId: string | null },
  now: number,
  opening: RoundOpening = {},
): RoundRecord {
  const durationMs = (opening.minutes ?? DEFAULT_ROUND_MINUTES[roundType]) * 60_000;
  return {
    roomId,
    number,
    roundType,
    questionId: opening.questionId ?? null,
    revealedAt: null,
    hintTimes: [],
    starterFor: null,
    startedAt: now,
    interviewerId: seats.interviewerId,
    candidateId: seats.candidateId,
    endedAt: null,
    planStage: opening.planStage ?? null,
    timer: { durationMs, endsAt: null, remainingMs: durationMs },
  };
}
