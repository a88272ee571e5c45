import {
  type InterviewerBrief,
  type JoinResult,
  type LobbyStatus,
  ROLE_LABELS,
  ROUND_TYPE_LABELS,
  type RoomState,
} from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { CallBar } from '../call/CallBar';
import { CallControls } from '../call/CallControls';
import { useCall } from '../call/useCall';
import { BrandLink } from '../pages/BrandLink';
import { CodeWorkspace } from './CodeWorkspace';
import { ConnectionStatus } from './ConnectionStatus';
import { DocProblemBanner } from './DocProblemBanner';
import { EndInterviewButton } from './EndInterviewButton';
import { FeedbackPanel } from './feedback/FeedbackPanel';
import { InviteButton } from './InviteButton';
import { InterviewerPanel } from './interviewer/InterviewerPanel';
import { ParticipantsList } from './ParticipantsList';
import { QuestionPanel } from './QuestionPanel';
import { RoundsList } from './RoundsList';
import { RoundTimer } from './RoundTimer';
import { SwapControl } from './SwapControl';
import type { RoomActions } from './useRoomSession';
import { useSharedDoc } from './useSharedDoc';
import { BoardView } from './views/BoardView';
import { SharedNotesView } from './views/SharedNotesView';
import { useWorkspaceView } from './views/useWorkspaceView';
import { WorkspaceTabs } from './views/WorkspaceTabs';

interface Props {
  join: JoinResult;
  room: RoomState;
  brief: InterviewerBrief | null;
  lobby: LobbyStatus | null;
  controlConnected: boolean;
  actions: RoomActions;
}

/** The live room: the question, the shared editor, the people, and the interviewer's console. */
export function RoomView({ join, room, brief, lobby, controlConnected, actions }: Props) {
  const self = room.participants.find((p) => p.id === join.self.id) ?? join.self;
  const code = useSharedDoc(join.documents.code, self, actions.rejoin);
  const isInterviewer = self.role === 'interviewer';
  const isPlayer = self.id === room.round.interviewerId || self.id === room.round.candidateId;
  const ended = room.round.endedAt !== null;
  const { setAway } = actions;
  const views = useWorkspaceView(room.roomId, room.roundType, self.id, actions);
  const board = join.documents.board;
  // The whiteboard wants width: there the question folds away unless the person unfolds it.
  const [questionShown, setQuestionShown] = useState<boolean | null>(null);
  const questionHidden = !ended && !(questionShown ?? views.view !== 'board');
  const call = useCall(room.roomId, self.id, actions.call, room.call, room.participants, controlConnected);

  useEffect(() => {
    const onVisibility = () => setAway(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [setAway]);

  useEffect(() => {
    document.title = `${ROUND_TYPE_LABELS[room.roundType]} room · Mockloop`;
  }, [room.roundType]);

  return (
    <div className="room">
      <header className="room-header">
        <BrandLink />
        <span className="badge">{ROUND_TYPE_LABELS[room.roundType]} round</span>
        <span className={`badge role-${self.role}`}>You: {ROLE_LABELS[self.role]}</span>
        <span className="badge">Round {room.round.number}</span>
        <div className="spacer" />
        <RoundTimer timer={room.round.timer} controls={isInterviewer} ended={ended} actions={actions} />
        <div className="spacer" />
        <SwapControl room={room} self={self} actions={actions} />
        {isPlayer && !ended && <EndInterviewButton onEnd={actions.endRound} />}
        {call && <CallControls call={call} />}
        <ConnectionStatus connected={controlConnected && code.connected} />
        <InviteButton roomId={room.roomId} />
      </header>
      {call && <CallBar call={call} participants={room.participants} selfId={self.id} />}
      {lobby?.state === 'waiting' && (
        <div className="lobby-banner" role="status">
          Your partner did not arrive. You are back at the front of the queue (#{lobby.position}); we will
          move you to a new room as soon as someone is found.{' '}
          <button type="button" className="button small-button" onClick={() => actions.leaveLobby()}>
            Leave the queue
          </button>
        </div>
      )}
      <div className="room-body">
        <aside className={`left-pane ${ended ? 'wide' : ''}`} hidden={questionHidden}>
          {ended && <FeedbackPanel room={room} self={self} brief={brief} actions={actions} />}
          <QuestionPanel round={room.round} role={self.role} language={room.language} />
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
            onToggleQuestion={ended ? undefined : () => setQuestionShown(questionHidden)}
          />
          <DocProblemBanner problem={code.problem} onReconnect={code.reconnect} />
          <div className="view" hidden={views.view !== 'code'}>
            <CodeWorkspace room={room} self={self} code={code} actions={actions} brief={brief} />
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
          <ParticipantsList participants={room.participants} selfId={self.id} />
          {isInterviewer && (
            <InterviewerPanel
              brief={brief}
              actions={actions}
              roomRoundType={room.roundType}
              notes={join.documents.notes}
              self={self}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
