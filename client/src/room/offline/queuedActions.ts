import { ClientEvent, type Role } from '@mockloop/shared';
import { NOT_SENT } from '../../lib/actionScope';

/** Events that answer with an empty success or an error message: the room's actions. */
export type ActionEvent = Exclude<
  (typeof ClientEvent)[keyof typeof ClientEvent],
  | typeof ClientEvent.Join
  | typeof ClientEvent.Presence
  | typeof ClientEvent.LobbyEnter
  | typeof ClientEvent.RefreshDocuments
  | typeof ClientEvent.CallJoin
  | typeof ClientEvent.CallIce
  | typeof ClientEvent.CallSignal
  | typeof ClientEvent.RunRequest
  | typeof ClientEvent.RunLanguages
  | typeof ClientEvent.SimulationActivity
>;

/** What an action is called in a sentence ("Waiting to send: the hint, the timer"). */
export const ACTION_NAMES: Record<ActionEvent, string> = {
  [ClientEvent.SetLanguage]: 'the language',
  [ClientEvent.SelectQuestion]: 'the question you picked',
  [ClientEvent.RevealQuestion]: 'the question reveal',
  [ClientEvent.RevealHint]: 'the hint',
  [ClientEvent.Timer]: 'the timer',
  [ClientEvent.ProposeSwap]: 'the swap proposal',
  [ClientEvent.RespondSwap]: 'your answer to the swap',
  [ClientEvent.EndRound]: 'the end of the round',
  [ClientEvent.NextRound]: 'the next round',
  [ClientEvent.SubmitScorecard]: 'your scorecard',
  [ClientEvent.SubmitSelfAssessment]: 'your self-assessment',
  [ClientEvent.LobbyLeave]: 'leaving the queue',
  [ClientEvent.FocusView]: 'the view for everyone',
  [ClientEvent.CallMedia]: 'your microphone and camera',
  [ClientEvent.CallLeave]: 'leaving the call',
  [ClientEvent.SimulationStuck]: 'your request for a hint',
  [ClientEvent.SimulationNext]: 'the next round',
};

/** Actions that only make sense while the round they were clicked in still runs. */
const WHILE_RUNNING: ReadonlySet<ActionEvent> = new Set<ActionEvent>([
  ClientEvent.SelectQuestion,
  ClientEvent.RevealQuestion,
  ClientEvent.RevealHint,
  ClientEvent.Timer,
  ClientEvent.EndRound,
  ClientEvent.SimulationStuck,
]);

/**
 * Actions that act on whatever round is current when they arrive. One clicked in round 2 during
 * an outage must not end, time or hint round 3 because round 2 ended meanwhile: such an action
 * goes only if the round and the clicker's seat are still those of the click (and, for those in
 * WHILE_RUNNING, the round has not ended). Feedback names its round in the payload, and the
 * language belongs to the room, so those always go.
 */
const ROUND_BOUND: ReadonlySet<ActionEvent> = new Set<ActionEvent>([
  ...WHILE_RUNNING,
  ClientEvent.ProposeSwap,
  ClientEvent.RespondSwap,
  ClientEvent.NextRound,
  ClientEvent.SimulationNext,
  ClientEvent.FocusView,
]);

/** Where the clicker was: the round, whether it had ended, and their seat in it. */
export interface Seat {
  round: number;
  ended: boolean;
  role: Role;
}

/**
 * Why an action clicked at `clicked` may no longer go at `now` (the room moved on during the
 * outage), as the sentence the page shows; null when it may go.
 */
export function staleReason(event: ActionEvent, clicked: Seat, now: Seat): string | null {
  if (!ROUND_BOUND.has(event)) return null;
  const what = ACTION_NAMES[event];
  if (now.round !== clicked.round) {
    return `${NOT_SENT}round ${clicked.round} was over by the time the connection came back, so ${what} would have gone to round ${now.round}.`;
  }
  if (WHILE_RUNNING.has(event) && now.ended && !clicked.ended) {
    return `${NOT_SENT}round ${now.round} ended while the connection was down, so ${what} no longer applies.`;
  }
  if (now.role !== clicked.role) {
    return `${NOT_SENT}your seat changed while the connection was down, so ${what} no longer applies.`;
  }
  return null;
}

/** "the hint", "the hint and the timer", "the hint, the timer and the language". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
