import {
  type InterviewerBrief,
  type JoinResult,
  type LobbyStatus,
  ROUND_TYPE_LABELS,
  type RoomState,
  type SimulationView,
} from '@mockloop/shared';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useCall } from '../call/useCall';
import { useSharedDoc } from '../docs/useSharedDoc';
import { ActionScopeContext } from '../lib/actionScope';
import { storage } from '../lib/storage';
import { OutageBanner } from './OutageBanner';
import { RoomHeader } from './RoomHeader';
import { RoomSidebar } from './RoomSidebar';
import { RoundPane } from './RoundPane';
import type { RoomActions } from './session/RoomActions';
import { briefForRuns, useSimulationBrief } from './simulation/useSimulationBrief';
import { PHONE, useMediaQuery } from './useMediaQuery';
import { useQuestionPane } from './useQuestionPane';
import { useWorkspaceView } from './views/useWorkspaceView';
import { WorkspaceArea } from './WorkspaceArea';

// Loop rooms and lobby matches only: loaded when they show, so a plain room's first JS stays in
// budget (`npm run size`).
const LoopProgress = lazy(() => import('./loop/LoopProgress').then((m) => ({ default: m.LoopProgress })));
const LobbyBanners = lazy(() => import('./LobbyBanners').then((m) => ({ default: m.LobbyBanners })));

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
  const isInterviewer = self.role === 'interviewer';
  const isPlayer = self.id === room.round.interviewerId || self.id === room.round.candidateId;
  const _ended = room.round.endedAt !== null;
  const { setAway } = actions;
  // A solo candidate's brief, once their self-assessment is in: shown, and its hidden tests runnable.
  const soloCandidate = simulation !== null && self.id === room.round.candidateId;
  const simBrief = useSimulationBrief(room.roomId, join.secret, soloCandidate && simulation.briefOpen);
  const runBrief = brief ?? briefForRuns(simBrief.brief, room.language);
  const views = useWorkspaceView(room.roomId, room.roundType, self.id, actions, room.round.number);
  const _board = documents.board;
  // The loop's name for the stage this round plays ("ML domain"), as the loop bar says it.
  const stage = room.loop?.current != null ? room.loop.stages[room.loop.current] : undefined;
  const roundName = stage?.label ?? ROUND_TYPE_LABELS[room.roundType];
  const onBoard = views.view === 'board';
  const phone = useMediaQuery(PHONE);
  const { questionHidden, togglePane, newHint } = useQuestionPane({
    roomId: room.roomId,
    round: room.round,
    isInterviewer,
    onBoard,
    phone,
  });
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
        <RoomHeader
          room={room}
          self={self}
          roundName={roundName}
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
        <Suspense fallback={null}>
          {room.loop && <LoopProgress loop={room.loop} />}
          {((match && !alone) || lobby?.state === 'waiting') && (
            <LobbyBanners
              match={alone ? null : match}
              onDismissMatch={dismissMatch}
              lobby={lobby}
              onLeaveQueue={() => actions.leaveLobby()}
            />
          )}
        </Suspense>
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
            simBrief={soloCandidate ? { ...simBrief, runsHere: runBrief !== null && brief === null } : null}
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
            waiting={
              alone && !waitingHidden
                ? { matchedWith: match?.partner ?? null, hide: () => setWaitingHidden(true) }
                : null
            }
          />
          <RoomSidebar
            room={room}
            self={self}
            call={call}
            controlConnected={controlConnected}
            showInvite={!(alone && !waitingHidden) && !simulation}
            simulation={simulation}
            brief={brief}
            notes={documents.notes}
            actions={actions}
            secret={join.secret}
          />
        </div>
      </div>
    </ActionScopeContext.Provider>
  );
}
