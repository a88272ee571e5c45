import type { RoomState, RoundSummary } from '@mockloop/shared';

/** The side of an ended round this person still owes feedback for, if any. */
export function owed(round: RoundSummary, selfId: string): 'scorecard' | 'self-assessment' | null {
  if (round.endedAt === null) return null;
  if (round.interviewerId === selfId && !round.feedback.scorecard) return 'scorecard';
  if (round.candidateId === selfId && !round.feedback.selfAssessment) return 'self-assessment';
  return null;
}

/** Whether this person owes feedback for a round before the current one. */
export function owesEarlierFeedback(room: RoomState, selfId: string): boolean {
  return room.rounds.some((r) => r.number < room.round.number && owed(r, selfId) !== null);
}
