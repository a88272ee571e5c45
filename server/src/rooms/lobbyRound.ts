import type { RoundType } from '@mockloop/shared';
import { type Chooser, drawLoopPlan, pickAtRandom } from '../questions/drawLoopPlan.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import type { RoomStart } from './firstRound.js';

/**
 * How a room made by a lobby match begins (P-LOBBY-4): the pair asked for a track and a round
 * type, so the room follows the track's loop plan, its first round the plan's first stage of that
 * type (its minutes and the question this room drew for it). A track without a plan, or a round
 * type the plan does not play, gives a plain room of that type.
 */
export function lobbyRound(
  bank: QuestionBank,
  trackId: string,
  roundType: RoundType,
  choose: Chooser = pickAtRandom,
  /** Questions the pair's browsers have seen: drawn only when nothing else fits (P-SEEN-2). */
  seen: ReadonlySet<string> = new Set(),
): RoomStart {
  const plain: RoomStart = { roundType, opening: {}, loop: null };
  const track = bank.tracks.find((t) => t.id === trackId);
  if (!track) return plain;
  const loop = drawLoopPlan(track, bank.questions, choose, seen);
  if ('unfilled' in loop) return plain;
  const index = loop.stages.findIndex((s) => s.roundType === roundType);
  const stage = loop.stages[index];
  if (!stage) return plain;
  return {
    roundType,
    opening: {
      planStage: index,
      minutes: stage.minutes,
      ...(stage.questionId ? { questionId: stage.questionId } : {}),
    },
    loop,
  };
}
