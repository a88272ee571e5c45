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
  /** The ended round's interviewer opens the next round (P-LOOP-2). */
  NextRound: 'round:next',
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
  /** Fresh ICE servers and TURN credentials for a page in the call (P-CALL-6). */
  CallIce: 'call:ice',
  /** An offer, answer, ICE candidate or goodbye for one other endpoint (P-CALL-1). */
  CallSignal: 'call:signal',
  /** Run the round's code on the server, in its sandbox (P-SRUN-1..6). */
  RunRequest: 'run:request',
  /** Which server languages can run here, and why not (P-SRUN-6). */
  RunLanguages: 'run:languages',
  /** The solo candidate asks the simulated interviewer for a hint (P-SIM-3). */
  SimulationStuck: 'simulation:stuck',
  /** The solo candidate is active (speaking, typing, drawing): no nudge (P-SIM-4). */
  SimulationActivity: 'simulation:activity',
  /** The solo candidate of a simulated loop opens the plan's next stage (P-SIM-6). */
  SimulationNext: 'simulation:next',
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
  /** To the whole room, just before its sockets are closed: the room was deleted (P-ROOM-7). */
  RoomDeleted: 'room:deleted',
  /** To the requester of a server run: its place in line, phase and output (P-SRUN-5). */
  RunProgress: 'run:progress',
  /**
   * To one socket, right after a room state that gives its person another round or seat: the
   * documents to open now, so the browser need not join again (P-CTL-6).
   */
  DocumentGrants: 'room:grants',
  /** To a solo room: what the simulated interviewer has said, and its phase (P-SIM-2). */
  SimulationState: 'simulation:state',
} as const;
