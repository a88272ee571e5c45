import {
  ClientEvent,
  type Language,
  type NextRoundRequest,
  OWN_QUESTION_PREFIX,
  type ScorecardInput,
  type SelfAssessmentInput,
  type SimulationActivity,
  type TimerCommand,
  type ViewFocused,
  type WorkspaceView,
} from '@mockloop/shared';
import type { CallChannel } from '../../call/CallChannel';
import type { ServerRunChannel } from '../../runner/serverRuns';
import type { ActionSender } from './ActionSender';
import type { ControlClient } from './ControlClient';
import { callChannel, serverRunChannel } from './channels';

/** What the room's controls can do; each resolves with an error message, or null on success. */
export interface RoomActions {
  setLanguage(language: Language): Promise<string | null>;
  setAway(away: boolean): void;
  selectQuestion(questionId: string): Promise<string | null>;
  /** All of the question, or its prompt first (`'prompt'`) and the rest later. */
  revealQuestion(part?: 'prompt'): Promise<string | null>;
  revealHint(): Promise<string | null>;
  timer(command: TimerCommand): Promise<string | null>;
  proposeSwap(): Promise<string | null>;
  respondSwap(accept: boolean): Promise<string | null>;
  endRound(): Promise<string | null>;
  /** The ended round's interviewer opens the next round (P-LOOP-2). */
  nextRound(request: NextRoundRequest): Promise<string | null>;
  submitScorecard(input: ScorecardInput): Promise<string | null>;
  submitSelfAssessment(input: SelfAssessmentInput): Promise<string | null>;
  leaveLobby(): Promise<string | null>;
  /** The solo candidate asks the simulated interviewer for a hint (P-SIM-3). */
  stuck(): Promise<string | null>;
  /** The solo candidate of a simulated loop opens the plan's next stage (P-SIM-6). */
  nextSimulatedRound(): Promise<string | null>;
  /** The solo candidate is speaking, typing or drawing: no nudge (P-SIM-4). */
  reportActivity(source: SimulationActivity['source']): void;
  /** Interviewer: bring everyone in the room to this view. */
  focusView(view: WorkspaceView): Promise<string | null>;
  /** Calls `listener` whenever the interviewer brings the room to a view; returns an unsubscribe. */
  onViewFocused(listener: (focus: ViewFocused) => void): () => void;
  /**
   * A document said this tab's seat is gone (a new round): makes sure the tab gets the documents
   * of its seat now, from the room state that is on its way or by asking (P-CTL-6).
   */
  seatChanged(): void;
  /** The call's signalling over this session's socket. */
  call: CallChannel;
  /** Server runs (Java, C++, Go, Python + numpy) over this session's socket. */
  serverRuns: ServerRunChannel;
}

/** The room's actions over one control client; a stable object for the client's whole life. */
export function roomActions(
  client: ControlClient,
  sender: ActionSender,
  /** This browser's author secret, which a pick of one of My questions goes with (P-MYQ-6). */
  author: () => string,
): RoomActions {
  const { send } = sender;
  return {
    call: callChannel(client, sender),
    serverRuns: serverRunChannel(client),
    setLanguage: (language) => send(ClientEvent.SetLanguage, { language }),
    setAway(away) {
      client.connectedSocket?.emit(ClientEvent.Presence, { away }, () => {});
    },
    selectQuestion: (questionId) =>
      send(
        ClientEvent.SelectQuestion,
        questionId.startsWith(OWN_QUESTION_PREFIX) ? { questionId, author: author() } : { questionId },
      ),
    revealQuestion: (part) => send(ClientEvent.RevealQuestion, part ? { part } : {}),
    revealHint: () => send(ClientEvent.RevealHint, {}),
    timer: (command) => send(ClientEvent.Timer, command),
    proposeSwap: () => send(ClientEvent.ProposeSwap, {}),
    respondSwap: (accept) => send(ClientEvent.RespondSwap, { accept }),
    endRound: () => send(ClientEvent.EndRound, {}),
    nextRound: (request) => send(ClientEvent.NextRound, request),
    submitScorecard: (input) => send(ClientEvent.SubmitScorecard, input),
    submitSelfAssessment: (input) => send(ClientEvent.SubmitSelfAssessment, input),
    focusView: (view) => send(ClientEvent.FocusView, { view }),
    onViewFocused: (listener) => client.viewFocused.add(listener),
    seatChanged: () => client.expectGrants(),
    stuck: () => send(ClientEvent.SimulationStuck, {}),
    nextSimulatedRound: () => send(ClientEvent.SimulationNext, {}),
    reportActivity(source) {
      // Fire and forget: a lost report costs at most a nudge.
      client.connectedSocket?.emit(ClientEvent.SimulationActivity, { source }, () => {});
    },
    async leaveLobby() {
      const problem = await send(ClientEvent.LobbyLeave, {});
      if (!problem) client.clearLobby();
      return problem;
    },
  };
}
