import {
  type InterviewerBrief,
  type JoinResult,
  type LobbyStatus,
  ROLE_LABELS,
  ROUND_TYPE_LABELS,
  type RoomState,
  type SimulationView,
} from '@mockloop/shared';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { CallBar } from '../call/CallBar';
import { CallControls } from '../call/CallControls';
import { useCall } from '../call/useCall';
import { ActionScopeContext } from '../lib/actionScope';
import { storage } from '../lib/storage';
import { BrandLink } from '../pages/BrandLink';
import { EarlierRoundFeedback, FeedbackPanel, NextRoundForm, preloadBetweenRounds } from './betweenRounds';
import { CodeWorkspace } from './CodeWorkspace';
import { ConnectionStatus } from './ConnectionStatus';
import { DocProblemBanner } from './DocProblemBanner';
import { EndInterviewButton } from './EndInterviewButton';
import { owesEarlierFeedback } from './feedback/owedFeedback';
import { InviteButton } from './InviteButton';
import { LoopProgress } from './loop/LoopProgress';
import { OutageBanner } from './OutageBanner';
import { ParticipantsList } from './ParticipantsList';
import { QuestionPanel } from './QuestionPanel';
import { RoundsList } from './RoundsList';
import { RoundTimer } from './RoundTimer';
import { SwapControl } from './SwapControl';
import { briefForRuns, useSimulationBrief } from './simulation/useSimulationBrief';
import { PHONE, useMediaQuery } from './useMediaQuery';
import { useQuestionNews } from './useQuestionNews';
import type { RoomActions } from './useRoomSession';
import { useSharedDoc } from './useSharedDoc';
import { BoardView } from './views/BoardView';
import { SharedNotesView } from './views/SharedNotesView';
import { useWorkspaceView } from './views/useWorkspaceView';
import { WorkspaceTabs } from './views/WorkspaceTabs';
import { WaitingCard } from './WaitingCard';

// Only the interviewer's screen shows the console: the candidate's room never fetches its code
// (and the room's first JS stays in budget, `npm run size`).
const InterviewerPanel = lazy(() =>
  import('./interviewer/InterviewerPanel').then((m) => ({ default: m.InterviewerPanel })),
);

// Only solo rooms show the simulated interviewer and its brief: loaded apart, like the console.
const SimulationPanel = lazy(() =>
  import('./simulation/SimulationPanel').then((m) => ({ default: m.SimulationPanel })),
);
const SimulationBriefPanel = lazy(() =>
  import('./simulation/SimulationBriefPanel').then((m) => ({ default: m.SimulationBriefPanel })),
);

interface Props {
  join: JoinResult;
  room: RoomState;
  brief: InterviewerBrief | null;
  lobby: LobbyStatus | null;
  /** A solo room's simulated interviewer (P-SIM-2), else null. */
  simulation: SimulationView | null;
  controlConnected: boolean;
  actions: RoomActions;
  /** Actions clicked during an outage: waiting to go, or not sent (useRoomSession). */
  offline: { waiting: string[]; notSent: string[]; dismissNotSent(): void };
}

/** The live room: the question, the shared editor, the people, and the interviewer's console. */
export function RoomView({
  join,
  room,
  brief,
  lobby,
  simulation,
  controlConnected,
  actions,
  offline,
}: Props) {
  const self = room.participants.find((p) => p.id === join.self.id) ?? join.self;
  const code = useSharedDoc(join.documents.code, self, actions.rejoin);
  const isInterviewer = self.role === 'interviewer';
  const isPlayer = self.id === room.round.interviewerId || self.id === room.round.candidateId;
  const ended = room.round.endedAt !== null;
  const { setAway } = actions;
  // A solo candidate's brief, once their self-assessment is in: shown, and its hidden tests runnable.
  const soloCandidate = simulation !== null && self.id === room.round.candidateId;
  const simBrief = useSimulationBrief(room.roomId, join.secret, soloCandidate && simulation.briefOpen);
  const runBrief = brief ?? briefForRuns(simBrief.brief, room.language);
  const views = useWorkspaceView(room.roomId, room.roundType, self.id, actions, room.round.number);
  const board = join.documents.board;
  // The loop's name for the stage this round plays ("ML domain"), as the loop bar says it.
  const stage = room.loop?.current != null ? room.loop.stages[room.loop.current] : undefined;
  const roundName = stage?.label ?? ROUND_TYPE_LABELS[room.roundType];
  const onBoard = views.view === 'board';
  const phone = useMediaQuery(PHONE);
  // Beside the code and the notes the pane is a column, open or folded as the person chose (kept
  // for the tab; a phone starts folded, so the editor starts high). Over the board it floats, so
  // the board keeps its size and viewport: folded until opened, news arrives or the round ends.
  const [questionShown, setQuestionShownState] = useState<boolean | null>(() =>
    storage.questionShown(room.roomId),
  );
  const setQuestionShown = useCallback(
    (shown: boolean) => {
      setQuestionShownState(shown);
      storage.setQuestionShown(room.roomId, shown);
    },
    [room.roomId],
  );
  // Per round: a new round starts with the board clear of it.
  const round = room.round.number;
  const [boardPane, setBoardPane] = useState(() => ({
    round,
    shown: storage.boardPaneShown(room.roomId, round),
  }));
  const overBoard = boardPane.round === round ? boardPane.shown : storage.boardPaneShown(room.roomId, round);
  const setOverBoard = useCallback(
    (shown: boolean) => {
      setBoardPane({ round, shown });
      storage.setBoardPaneShown(room.roomId, round, shown);
    },
    [room.roomId, round],
  );
  // The round's end opens the feedback over the board (the board itself stays as it is).
  const endedAt = room.round.endedAt;
  useEffect(() => {
    if (endedAt !== null) setBoardPane({ round, shown: true });
  }, [endedAt, round]);
  const paneOpen = onBoard && !phone ? overBoard : ended || (questionShown ?? !phone);
  const questionHidden = !paneOpen;
  const togglePane =
    onBoard && !phone
      ? () => setOverBoard(!overBoard)
      : ended
        ? undefined
        : () => setQuestionShown(!paneOpen);
  // Focus waits for the render that unfolds the pane: a folded heading cannot take focus.
  const [focusQuestion, setFocusQuestion] = useState(false);
  const newHint = useQuestionNews(room.round, (news) => {
    // The interviewer did it: only the others are taken to the question.
    if (isInterviewer) return;
    if (onBoard && !phone) setOverBoard(true);
    else setQuestionShown(true);
    // After the pane has unfolded, a reveal takes the reader to the question, unless they are
    // typing or drawing somewhere (focus is never pulled out of the editor).
    const idle = document.activeElement === null || document.activeElement === document.body;
    if (news === 'revealed' && idle) setFocusQuestion(true);
  });
  useEffect(() => {
    if (!focusQuestion || questionHidden) return;
    document.getElementById('question-heading')?.focus();
    setFocusQuestion(false);
  }, [focusQuestion, questionHidden]);
  // Feedback owed for an earlier round: its card stays once shown (it thanks after a submission).
  const owesEarlier = owesEarlierFeedback(room, self.id);
  const [earlierSeen, setEarlierSeen] = useState(false);
  if (owesEarlier && !earlierSeen) setEarlierSeen(true);
  const earlierShown = owesEarlier || earlierSeen;
  useEffect(() => {
    const idle = window.setTimeout(preloadBetweenRounds, 3000);
    return () => window.clearTimeout(idle);
  }, []);
  // Alone in the room (as far as this browser can tell): the invite comes first.
  // A solo room is never waiting for anyone: its interviewer is the server.
  const alone =
    !simulation && controlConnected && !room.participants.some((p) => p.id !== self.id && p.online);
  const [waitingHidden, setWaitingHidden] = useState(false);
  const [match, setMatch] = useState(() => storage.matched(room.roomId));
  const dismissMatch = () => {
    storage.setMatched(room.roomId, null);
    setMatch(null);
  };
  const call = useCall(room.roomId, self.id, actions.call, room.call, room.participants, controlConnected);

  useEffect(() => {
    const onVisibility = () => setAway(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [setAway]);

  useEffect(() => {
    document.title = `${ROUND_TYPE_LABELS[room.roundType]} room · Mockloop`;
  }, [room.roundType]);

  const scope = useMemo(
    () => ({ round: room.round.number, connected: controlConnected }),
    [room.round.number, controlConnected],
  );
  return (
    <ActionScopeContext.Provider value={scope}>
      <div className="room">
        <header className="room-header">
          {isInterviewer && (
            // First in the tab order: past the header and the editor, straight to the console.
            <button type="button" className="skip-link" onClick={skipToConsole}>
              Skip to the interviewer panel
            </button>
          )}
          <BrandLink />
          <span className="badge">
            Round {room.round.number} · {roundName}
          </span>
          <span className={`badge role-${self.role}`}>You: {ROLE_LABELS[self.role]}</span>
          <div className="spacer" />
          <RoundTimer timer={room.round.timer} controls={isInterviewer} ended={ended} actions={actions} />
          <div className="spacer" />
          {/* A solo room has nobody to swap with or call: the interviewer is the server. */}
          {!simulation && <SwapControl room={room} self={self} actions={actions} />}
          {isPlayer && !ended && <EndInterviewButton onEnd={actions.endRound} />}
          {call && !call.inCall && !simulation && <CallControls call={call} />}
          <ConnectionStatus connected={controlConnected && code.connected} />
        </header>
        <OutageBanner
          connected={controlConnected}
          waiting={offline.waiting}
          notSent={offline.notSent}
          onDismissNotSent={offline.dismissNotSent}
        />
        {room.loop && <LoopProgress loop={room.loop} />}
        {match && !alone && (
          <div className="lobby-banner" role="status">
            The lobby matched you with {match.partner}:{' '}
            {match.role === 'interviewer' ? 'you interview' : 'you are the candidate'}.{' '}
            <button type="button" className="button small-button" onClick={dismissMatch}>
              OK
            </button>
          </div>
        )}
        {lobby?.state === 'waiting' && (
          <div className="lobby-banner" role="status">
            Your partner did not arrive. You are back at the front of the queue (#{lobby.position}); we will
            move you to a new room as soon as someone is found.{' '}
            <button type="button" className="button small-button" onClick={() => actions.leaveLobby()}>
              Leave the queue
            </button>
          </div>
        )}
        <div className={`room-body ${onBoard ? 'on-board' : ''}`}>
          <aside className={`left-pane ${ended ? 'wide' : ''}`} hidden={questionHidden}>
            <Suspense fallback={null}>
              {ended && <FeedbackPanel room={room} self={self} brief={brief} actions={actions} />}
              {ended && soloCandidate && (
                <SimulationBriefPanel
                  open={simulation.briefOpen}
                  brief={simBrief.brief}
                  problem={simBrief.problem}
                  runsHere={runBrief !== null && brief === null}
                />
              )}
              {ended && isPlayer && !simulation && (
                <NextRoundForm key={room.round.number} room={room} self={self} actions={actions} />
              )}
              {earlierShown && <EarlierRoundFeedback room={room} self={self} actions={actions} />}
            </Suspense>
            <QuestionPanel
              round={room.round}
              role={self.role}
              language={room.language}
              newHint={newHint}
              picked={brief?.round === room.round.number ? (brief.selected?.question.title ?? null) : null}
            />
            {room.rounds.length > 1 && (
              <RoundsList roomId={room.roomId} rounds={room.rounds} participants={room.participants} />
            )}
          </aside>
          <div className="workspace-area">
            <WorkspaceTabs
              view={views.view}
              onSelect={views.select}
              onFocusAll={isInterviewer ? actions.focusView : undefined}
              notice={views.notice}
              onDismissNotice={views.dismissNotice}
              questionHidden={questionHidden}
              onToggleQuestion={togglePane}
              paneLabel={ended ? 'Feedback' : 'Question'}
            />
            {alone && !waitingHidden && (
              <WaitingCard
                room={room}
                self={self}
                matchedWith={match?.partner ?? null}
                onHide={() => setWaitingHidden(true)}
              />
            )}
            <DocProblemBanner problem={code.problem} onReconnect={code.reconnect} />
            <div className="view" hidden={views.view !== 'code'}>
              <CodeWorkspace room={room} self={self} code={code} actions={actions} brief={runBrief} />
            </div>
            {views.opened.has('board') && (
              <div className="view" hidden={views.view !== 'board'}>
                {board ? (
                  <BoardView
                    key={board.name}
                    access={board}
                    self={self}
                    roomId={room.roomId}
                    secret={join.secret}
                    readOnly={!isPlayer}
                    exportName={`mockloop-${room.roundType}-round-${room.round.number}`}
                    onSeatChanged={actions.rejoin}
                  />
                ) : (
                  <div className="view-loading muted">This room has no whiteboard.</div>
                )}
              </div>
            )}
            {views.opened.has('notes') && (
              <div className="view" hidden={views.view !== 'notes'}>
                <SharedNotesView code={code} readOnly={!isPlayer} />
              </div>
            )}
          </div>
          <aside className={`sidebar ${isInterviewer ? 'wide' : ''}`}>
            {/* The call lives here, beside the work: it never pushes the editor or the board. */}
            {simulation && (
              <Suspense fallback={null}>
                <SimulationPanel simulation={simulation} actions={actions} />
              </Suspense>
            )}
            {call?.inCall && (
              <div className="call-panel">
                <CallControls call={call} />
              </div>
            )}
            {call && <CallBar call={call} participants={room.participants} selfId={self.id} />}
            <ParticipantsList participants={room.participants} selfId={self.id} live={controlConnected} />
            {!(alone && !waitingHidden) && !simulation && (
              <div className="panel invite-panel">
                <InviteButton roomId={room.roomId} />
              </div>
            )}
            {isInterviewer && (
              <Suspense
                fallback={
                  <div className="panel" aria-busy="true">
                    Loading the interviewer console…
                  </div>
                }
              >
                <InterviewerPanel
                  // A new round starts the console afresh: its tab, its question bank filter.
                  key={room.round.number}
                  brief={brief}
                  actions={actions}
                  roomRoundType={room.roundType}
                  notes={join.documents.notes}
                  self={self}
                  ended={ended}
                />
              </Suspense>
            )}
          </aside>
        </div>
      </div>
    </ActionScopeContext.Provider>
  );
}

/** Focuses the console (a button, not a link: no fragment in the room's URL, which is the invite). */
function skipToConsole(): void {
  const panel = document.getElementById('interviewer-panel');
  if (!panel) return;
  panel.focus();
  panel.scrollIntoView({ block: 'start' });
}
