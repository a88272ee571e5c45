import { InterviewService } from '../interview/InterviewService.js';
import { SeenQuestions } from '../interview/SeenQuestions.js';
import { OwnQuestionCache } from '../ownQuestions/OwnQuestionCache.js';
import { RoundService } from '../rounds/RoundService.js';
import { SeatChanges } from '../rounds/SeatChanges.js';
import type { CoreServices } from './coreServices.js';

/**
 * The services a round runs on: the question (InterviewService, with the questions each browser
 * has seen) and the round itself (RoundService, whose seat changes the document plane hears).
 */
export function roundServices(core: CoreServices) {
  const { store, bank, docs, limits } = core;
  const seatChanges = new SeatChanges();
  // Rounds find the My questions they hold through the bank (P-MYQ-6).
  bank.own = new OwnQuestionCache(store);
  const seenQuestions = new SeenQuestions();
  const interview = new InterviewService(store, bank, docs, Date.now, seenQuestions);
  const rounds = new RoundService(store, bank, docs, undefined, seatChanges, limits.roundsPerRoom);
  return { seatChanges, seenQuestions, interview, rounds };
}
