import type { InterviewerBrief, JoinResult, ParticipantView, RoomState } from '@mockloop/shared';
import type { useSharedDoc } from '../docs/useSharedDoc';
import { CodeWorkspace } from './CodeWorkspace';
import { DocProblemBanner } from './DocProblemBanner';
import type { RoomActions } from './session/RoomActions';
import { BoardView } from './views/BoardView';
import { SharedNotesView } from './views/SharedNotesView';
import type { useWorkspaceView } from './views/useWorkspaceView';
import { WorkspaceTabs } from './views/WorkspaceTabs';
import { WaitingCard } from './WaitingCard';

interface Props {
  room: RoomState;
  self: ParticipantView;
  code: ReturnType<typeof useSharedDoc>;
  documents: JoinResult['documents'];
  /** This person's secret in the room (the board's image uploads carry it). */
  secret: string;
  brief: InterviewerBrief | null;
  actions: RoomActions;
  views: ReturnType<typeof useWorkspaceView>;
  /** The round's pane beside the work: whether it is folded, and how to toggle it. */
  pane: { hidden: boolean; toggle?: () => void };
  /** Alone in the room: the waiting card with the invite, until hidden. */
  waiting: { matchedWith: string | null; hide(): void } | null;
}

/**
 * The work: the view tabs, and the code, board and shared notes views (each mounted once
 * first opened, then kept, so switching keeps their state).
 */
export function WorkspaceArea({
  room,
  self,
  code,
  documents,
  secret,
  brief,
  actions,
  views,
  pane,
  waiting,
}: Props) {
  const isInterviewer = self.role === 'interviewer';
  const isPlayer = self.id === room.round.interviewerId || self.id === room.round.candidateId;
  const ended = room.round.endedAt !== null;
  const board = documents.board;
  return (
    <div className="workspace-area">
      <WorkspaceTabs
        view={views.view}
        onSelect={views.select}
        onFocusAll={isInterviewer ? actions.focusView : undefined}
        notice={views.notice}
        onDismissNotice={views.dismissNotice}
        questionHidden={pane.hidden}
        onToggleQuestion={pane.toggle}
        paneLabel={ended ? 'Feedback' : 'Question'}
      />
      {waiting && (
        <WaitingCard room={room} self={self} matchedWith={waiting.matchedWith} onHide={waiting.hide} />
      )}
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
              secret={secret}
              readOnly={!isPlayer}
              exportName={`mockloop-${room.roundType}-round-${room.round.number}`}
              onSeatChanged={actions.seatChanged}
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
  );
}
