import { z } from 'zod';
import type {
  CallConfig,
  CallJoinRequest,
  CallMedia,
  CallSignalDelivery,
  CallSignalRequest,
} from './call.js';
import type { AckCallback } from './errors.js';
import { DisplayName, ParticipantSecret, RoomId, TabId } from './ids.js';
import type { EmptyRequest, InterviewerBrief, SelectQuestionRequest } from './interview.js';
import { Language } from './languages.js';
import type { LobbyEnterRequest, LobbyMatch, LobbyStatus } from './lobby.js';
import type { JoinResult, RoomState } from './roomState.js';
import type { ScorecardInput, SelfAssessmentInput, SwapResponse, TimerCommand } from './rounds.js';
import type { FocusViewRequest, ViewFocused } from './workspace.js';

/**
 * Control-plane event names. No other file spells an event name as a string literal (P-CTL-1).
 */
export const ClientEvent = {
  Join: 'room:join',
  SetLanguage: 'room:set-language',
  Presence: 'presence:update',
  SelectQuestion: 'interviewer:select-question',
  RevealQuestion: 'interviewer:reveal-question',
  RevealHint: 'interviewer:reveal-hint',
  Timer: 'timer:control',
  ProposeSwap: 'swap:propose',
  RespondSwap: 'swap:respond',
  EndRound: 'round:end',
  SubmitScorecard: 'feedback:scorecard',
  SubmitSelfAssessment: 'feedback:self-assessment',
  LobbyEnter: 'lobby:enter',
  LobbyLeave: 'lobby:leave',
  /** Interviewer only: bring everyone in the room to one view (P-VIEW-1). */
  FocusView: 'room:focus-view',
  /** Fresh document tokens for the current round, same client ids (P-DOC-11). */
  RefreshDocuments: 'room:documents',
  /** Enter the call (or move it to this page); answers the ICE configuration (P-CALL-4). */
  CallJoin: 'call:join',
  /** Microphone and camera on or off. */
  CallMedia: 'call:media',
  CallLeave: 'call:leave',
  /** An offer, answer, ICE candidate or goodbye for one other endpoint (P-CALL-1). */
  CallSignal: 'call:signal',
} as const;

export const ServerEvent = {
  RoomState: 'room:state',
  /** Sent only to the interviewer's channel. */
  InterviewerBrief: 'interviewer:brief',
  LobbyStatus: 'lobby:status',
  LobbyMatched: 'lobby:matched',
  /** To the whole room: the interviewer brought everyone to a view. */
  ViewFocused: 'room:view-focused',
  /** To one endpoint of the call: a signal from another (P-CALL-1). */
  CallSignal: 'call:signal',
} as const;

/**
 * Join a room. `secret` restores an existing seat; without it a new participant is seated and
 * `name` is required. Any other field (a role, say) is stripped: roles come from the server.
 */
export const JoinRequest = z.object({
  roomId: RoomId,
  name: DisplayName.optional(),
  secret: ParticipantSecret.optional(),
  tab: TabId.optional(),
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
  [ClientEvent.RevealQuestion]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.RevealHint]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.Timer]: (payload: TimerCommand, ack: AckCallback<null>) => void;
  [ClientEvent.ProposeSwap]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.RespondSwap]: (payload: SwapResponse, ack: AckCallback<null>) => void;
  [ClientEvent.EndRound]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.SubmitScorecard]: (payload: ScorecardInput, ack: AckCallback<null>) => void;
  [ClientEvent.SubmitSelfAssessment]: (payload: SelfAssessmentInput, ack: AckCallback<null>) => void;
  [ClientEvent.LobbyEnter]: (payload: LobbyEnterRequest, ack: AckCallback<LobbyStatus>) => void;
  [ClientEvent.LobbyLeave]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.FocusView]: (payload: FocusViewRequest, ack: AckCallback<null>) => void;
  [ClientEvent.RefreshDocuments]: (
    payload: RefreshDocumentsRequest,
    ack: AckCallback<JoinResult['documents']>,
  ) => void;
  [ClientEvent.CallJoin]: (payload: CallJoinRequest, ack: AckCallback<CallConfig>) => void;
  [ClientEvent.CallMedia]: (payload: CallMedia, ack: AckCallback<null>) => void;
  [ClientEvent.CallLeave]: (payload: EmptyRequest, ack: AckCallback<null>) => void;
  [ClientEvent.CallSignal]: (payload: CallSignalRequest, ack: AckCallback<null>) => void;
}

export interface ServerToClientEvents {
  [ServerEvent.RoomState]: (state: RoomState) => void;
  [ServerEvent.InterviewerBrief]: (brief: InterviewerBrief) => void;
  [ServerEvent.LobbyStatus]: (status: LobbyStatus) => void;
  [ServerEvent.LobbyMatched]: (match: LobbyMatch) => void;
  [ServerEvent.ViewFocused]: (focus: ViewFocused) => void;
  [ServerEvent.CallSignal]: (delivery: CallSignalDelivery) => void;
}
