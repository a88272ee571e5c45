import {
  type InterviewerBrief,
  type JoinResult,
  type LobbyStatus,
  ROUND_TYPE_LABELS,
  type RoomState,
  type SimulationView,
} from '@mockloop/shared';
import { useCall } from '../call/useCall';
import { useSharedDoc } from '../docs/useSharedDoc';
import { ActionScopeProvider } from '../lib/ActionScopeProvider';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { OutageBanner } from './OutageBanner';
import { RoomBanners } from './RoomBanners';
import { RoomHeader } from './RoomHeader';
import { RoomSidebar } from './RoomSidebar';
import { RoundPane } from './RoundPane';
import { roundName } from './roundName';
import type { RoomActions } from './session/RoomActions';
import { useSoloCandidateBrief } from './simulation/useSimulationBrief';
import { useAwayWhenHidden } from './useAwayWhenHidden';
import { PHONE, useMediaQuery } from './useMediaQuery';
import { useQuestionPane } from './useQuestionPane';
import { useWaitingForPartner } from './useWaitingForPartner';
import { useWorkspaceView } from './views/useWorkspaceView';
import { WorkspaceArea } from './WorkspaceArea';

interface Props {
  join: JoinResult;
  /** The documents of the round and seat shown now (the join's, or pushed since: P-CTL-6). */
  documents: JoinResult['documents'];
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
  documents,
  room,
  brief,
  lobby,
  simulation,
  controlConnected,
  actions,
  offline,
}: Props) {
  const self = room.participants.find((p) => p.id === join.self.id) ?? join.self;
  const code = useSharedDoc(documents.code, self, actions.seatChanged);
  const isPlayer = self.id === room.round.interviewerId || self.id === room.round.candidateId;
  const { runBrief, paneBrief } = useSoloCandidateBrief(room, self.id, join.secret, simulation, brief);
  const views = useWorkspaceView(room.roomId, room.roundType, self.id, actions, room.round.number);
  const onBoard = views.view === 'board';
  const { questionHidden, togglePane, newHint } = useQuestionPane({
    roomId: room.roomId,
    round: room.round,
    isInterviewer: self.role === 'interviewer',
    onBoard,
    phone: useMediaQuery(PHONE),
  });
  const waitingFor = useWaitingForPartner(room, self.id, simulation, controlConnected);
  const call = useCall(room.roomId, self.id, actions.call, room.call, room.participants, controlConnected);

  useAwayWhenHidden(actions.setAway);

  useDocumentTitle(`${ROUND_TYPE_LABELS[room.roundType]} room · Mockloop`);
  return (
    <ActionScopeProvider round={room.round.number} connected={controlConnected}>
      <div className="room">
        <RoomHeader
          room={room}
          self={self}
          roundName={roundName(room.loop, room.roundType)}
          isPlayer={isPlayer}
          solo={simulation !== null}
          call={call}
          connected={controlConnected && code.connected}
          actions={actions}
        />
        <OutageBanner
          connected={controlConnected}
          waiting={offline.waiting}
          notSent={offline.notSent}
          onDismissNotSent={offline.dismissNotSent}
        />
        <RoomBanners
          loop={room.loop}
          match={waitingFor.match}
          alone={waitingFor.alone}
          lobby={lobby}
          onDismissMatch={waitingFor.dismissMatch}
          onLeaveQueue={() => actions.leaveLobby()}
        />
        <div className={`room-body ${onBoard ? 'on-board' : ''}`}>
          <RoundPane
            room={room}
            self={self}
            brief={brief}
            actions={actions}
            hidden={questionHidden}
            newHint={newHint}
            isPlayer={isPlayer}
            simulation={simulation}
            simBrief={paneBrief}
          />
          <WorkspaceArea
            room={room}
            self={self}
            code={code}
            documents={documents}
            secret={join.secret}
            brief={runBrief}
            actions={actions}
            views={views}
            pane={{ hidden: questionHidden, toggle: togglePane }}
            waiting={waitingFor.waiting}
          />
          <RoomSidebar
            room={room}
            self={self}
            call={call}
            controlConnected={controlConnected}
            showInvite={waitingFor.showInvite}
            simulation={simulation}
            brief={brief}
            notes={documents.notes}
            actions={actions}
            secret={join.secret}
          />
        </div>
      </div>
    </ActionScopeProvider>
  );
}
