import type {
  InterviewerBrief,
  JoinResult,
  ParticipantView,
  RoomState,
  SimulationView,
} from '@mockloop/shared';
import { lazy, Suspense } from 'react';
import { CallBar } from '../call/CallBar';
import { CallControls } from '../call/CallControls';
import type { CallControlsApi } from '../call/useCall';
import { InviteButton } from './InviteButton';
import { ParticipantsList } from './ParticipantsList';
import type { RoomActions } from './session/RoomActions';

// Only the interviewer's screen shows the console: the candidate's room never fetches its code
// (and the room's first JS stays in budget, `npm run size`).
const InterviewerPanel = lazy(() =>
  import('./interviewer/InterviewerPanel').then((m) => ({ default: m.InterviewerPanel })),
);

// Recording is opt-in and not needed to start working: loaded apart, so the room's first JS stays
// in budget (`npm run size`).
const RecordVoice = lazy(() => import('./recording/RecordVoice').then((m) => ({ default: m.RecordVoice })));

// Only solo rooms show the simulated interviewer: loaded apart, like the console.
const SimulationPanel = lazy(() =>
  import('./simulation/SimulationPanel').then((m) => ({ default: m.SimulationPanel })),
);

interface Props {
  room: RoomState;
  self: ParticipantView;
  call: CallControlsApi | null;
  controlConnected: boolean;
  /** The invite is in the waiting card while that shows. */
  showInvite: boolean;
  brief: InterviewerBrief | null;
  notes: JoinResult['documents']['notes'];
  /** A solo room's simulated interviewer (P-SIM-2), else null. */
  simulation: SimulationView | null;
  actions: RoomActions;
  /** This person's participant secret: their voice recording is uploaded with it. */
  secret: string;
}

/** The room's side column: the call, the people, the invite, and the interviewer's console. */
export function RoomSidebar({
  room,
  self,
  call,
  controlConnected,
  showInvite,
  brief,
  notes,
  simulation,
  actions,
  secret,
}: Props) {
  const isInterviewer = self.role === 'interviewer';
  return (
    <aside className={`sidebar ${isInterviewer ? 'wide' : ''}`}>
      {simulation && (
        <Suspense fallback={null}>
          <SimulationPanel simulation={simulation} actions={actions} />
        </Suspense>
      )}
      {/* The call lives here, beside the work: it never pushes the editor or the board. */}
      {call?.inCall && (
        <div className="call-panel">
          <CallControls call={call} />
        </div>
      )}
      {call && <CallBar call={call} participants={room.participants} selfId={self.id} />}
      {self.role !== 'observer' && (
        <Suspense fallback={null}>
          <RecordVoice
            roomId={room.roomId}
            secret={secret}
            round={room.round.number}
            running={room.round.endedAt === null}
          />
        </Suspense>
      )}
      <ParticipantsList participants={room.participants} selfId={self.id} live={controlConnected} />
      {showInvite && (
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
            notes={notes}
            self={self}
            ended={room.round.endedAt !== null}
          />
        </Suspense>
      )}
    </aside>
  );
}
