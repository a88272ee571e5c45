import { type CreateRoomRequest, questionFits, type RoundType } from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import { type Chooser, drawLoopPlan, pickAtRandom } from '../questions/drawLoopPlan.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import type { RoundOpening } from '../rounds/newRound.js';
import type { LoopPlanRecord } from '../store/Store.js';

/** How a new room begins: its first round's type and opening, and the loop plan it follows. */
export interface RoomStart {
  roundType: RoundType;
  opening: RoundOpening;
  loop: LoopPlanRecord | null;
}

/**
 * Reads what `POST /api/rooms` asks for beyond a round type (P-LOOP-3): a track's loop plan
 * (`loopTrackId`; the first round is its first stage, with the question this room drew for it)
 * or one question (`questionId`; the round takes the question's type when it fits).
 */
export function firstRound(
  req: Pick<CreateRoomRequest, 'roundType' | 'questionId' | 'loopTrackId' | 'seen'>,
  bank: QuestionBank,
  choose: Chooser = pickAtRandom,
): RoomStart {
  if (req.loopTrackId !== undefined) {
    const track = bank.tracks.find((t) => t.id === req.loopTrackId);
    if (!track) throw new AppError('NOT_FOUND', 'There is no such track.');
    const loop = drawLoopPlan(track, bank.questions, choose, new Set(req.seen));
    if ('unfilled' in loop) throw new AppError('BAD_REQUEST', 'This track has no loop plan to follow.');
    const stage = loop.stages[0];
    if (!stage) throw new AppError('BAD_REQUEST', 'This track has no loop plan to follow.');
    return {
      roundType: stage.roundType,
      opening: {
        planStage: 0,
        minutes: stage.minutes,
        ...(stage.questionId ? { questionId: stage.questionId } : {}),
      },
      loop,
    };
  }
  if (req.questionId !== undefined) {
    const question = bank.questions.find((q) => q.id === req.questionId);
    if (!question) throw new AppError('NOT_FOUND', 'There is no such question in the bank.');
    const roundType = questionFits(req.roundType, question.roundType) ? req.roundType : question.roundType;
    return {
      roundType,
      opening: { questionId: question.id, minutes: question.timeLimitMinutes },
      loop: null,
    };
  }
  return { roundType: req.roundType, opening: {}, loop: null };
}
