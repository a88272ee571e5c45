import type { Question } from '@mockloop/shared';
import type { RoundRecord } from '../store/records.js';

/**
 * Whether all of a revealed question shows: a coding question's parts after its prompt come with
 * its starter code, so the round's `starterFor` says whether they were revealed (P-PRIV-1).
 */
export function detailsRevealed(round: RoundRecord, question: Question): boolean {
  return round.revealedAt !== null && (question.coding === undefined || round.starterFor === question.id);
}
