import { z } from 'zod';
import { ClientEvent, ServerEvent } from '../values/events.js';
import type {
  CallConfig,
  CallJoinRequest,
  CallMedia,
  CallSignalDelivery,
  CallSignalRequest,
} from './call.js';
import type { AckCallback } from './errors.js';
import { DisplayName, ParticipantSecret, RoomId, SeenQuestionIds, TabId } from './ids.js';
import type {
  EmptyRequest,
  InterviewerBrief,
  RevealQuestionRequest,
  SelectQuestionRequest,
} from './interview.js';
import { Language } from './languages.js';
import type { LobbyEnterRequest, LobbyMatch, LobbyStatus } from './lobby.js';
import type { NextRoundRequest } from './loop.js';
import type { DocumentGrants, JoinResult, RoomState } from './roomState.js';
import type { ScorecardInput, SelfAssessmentInput, SwapResponse, TimerCommand } from './rounds.js';
import type {
  RunnerAvailability,
  ServerRunProgress,
  ServerRunRequest,
  ServerRunResult,
} from './serverRuns.js';
import type { SimulationActivity, SimulationView } from './simulation.js';
import type { FocusViewRequest, ViewFocused } from './workspace.js';

export * from '../values/events.js';

/**
 * Join a room. `secret` restores an existing seat; without it a new participant is seated and
 * `name` is required. Any other field (a role, say) is stripped: roles come from the server.
 */
export const JoinRequest = z.object({
  roomId: RoomId,
  name: DisplayName.optional(),
  secret: ParticipantSecret.optional(),
  tab: TabId.optional(),
  /** Questions this browser has opened or played (P-SEEN-1): the interviewer avoids them. */
  seen: SeenQuestionIds.optional(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const SetLanguageRequest = z.object({ language: Language });
export type SetLanguageRequest = z.infer<typeof SetLanguageRequest>;

export const PresenceUpdate = z.object({ away: z.boolean() });

export const RefreshDocumentsRequest = z.object({ tab: TabId.optional() });
export type RefreshDocumentsRequest = z.infer<typeof RefreshDocumentsRequest>;
export type PresenceUpdate = z.infer<typeof PresenceUpdate>;

/** Events the browser sends. Payloads are `unknown` on the wire and parsed by the server. */
export interface ClientToServerEvents {
  [ClientEvent.Join]: (payload: JoinRequest, ack: AckCallback<JoinResult>) => void;
  [ClientEvent.SetLanguage]: (payload: SetLanguageRequest, ack: AckCallback<null>) => void;
  [ClientEvent.Presence]: (payload: PresenceUpdate, ack: AckCallback<null>) => void;
  [ClientEvent.SelectQuestion]: (payload: SelectQuestionRequest, ack: AckCallback<null>) => void;
  [ClientEvent.RevealQuestion]: (payload: RevealQuestionRequest, ack: AckCallback<null>) => void;
  [ClientEvent.RevealHint]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.Timer]: (payload: TimerCommand, ack: AckCallback<null>) => void;
  [ClientEvent.ProposeSwap]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.RespondSwap]: (payload: SwapResponse, ack: AckCallback<null>) => void;
  [ClientEvent.EndRound]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.NextRound]: (payload: NextRoundRequest, ack: AckCallback<null>) => void;
  [ClientEvent.SubmitScorecard]: (payload: ScorecardInput, ack: AckCallback<null>) => void;
  [ClientEvent.SubmitSelfAssessment]: (payload: SelfAssessmentInput, ack: AckCallback<null>) => void;
  [ClientEvent.LobbyEnter]: (payload: LobbyEnterRequest, ack: AckCallback<LobbyStatus>) => void;
  [ClientEvent.LobbyLeave]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.FocusView]: (payload: FocusViewRequest, ack: AckCallback<null>) => void;
  [ClientEvent.RefreshDocuments]: (
    payload: RefreshDocumentsRequest,
    ack: AckCallback<DocumentGrants>,
  ) => void;
  [ClientEvent.CallJoin]: (payload: CallJoinRequest, ack: AckCallback<CallConfig>) => void;
  [ClientEvent.CallMedia]: (payload: CallMedia, ack: AckCallback<null>) => void;
  [ClientEvent.CallLeave]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.CallIce]: (payload: EmptyRequest, ack: AckCallback<CallConfig>) => void;
  [ClientEvent.CallSignal]: (payload: CallSignalRequest, ack: AckCallback<null>) => void;
  [ClientEvent.RunRequest]: (payload: ServerRunRequest, ack: AckCallback<ServerRunResult>) => void;
  [ClientEvent.RunLanguages]: (payload: EmptyRequest, ack: AckCallback<RunnerAvailability>) => void;
  [ClientEvent.SimulationStuck]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.SimulationActivity]: (payload: SimulationActivity, ack: AckCallback<null>) => void;
  [ClientEvent.SimulationNext]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
}

export interface ServerToClientEvents {
  [ServerEvent.RoomState]: (state: RoomState) => void;
  [ServerEvent.InterviewerBrief]: (brief: InterviewerBrief) => void;
  [ServerEvent.LobbyStatus]: (status: LobbyStatus) => void;
  [ServerEvent.LobbyMatched]: (match: LobbyMatch) => void;
  [ServerEvent.ViewFocused]: (focus: ViewFocused) => void;
  [ServerEvent.CallSignal]: (delivery: CallSignalDelivery) => void;
  [ServerEvent.RoomDeleted]: () => void;
  [ServerEvent.RunProgress]: (progress: ServerRunProgress) => void;
  [ServerEvent.DocumentGrants]: (grants: DocumentGrants) => void;
  [ServerEvent.SimulationState]: (view: SimulationView) => void;
}
