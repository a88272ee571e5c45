import { type ParticipantView, ROLE_LABELS, type RoomState } from '@mockloop/shared';
import { CallControls } from '../call/CallControls';
import type { CallControlsApi } from '../call/useCall';
import { BrandLink } from '../ui/BrandLink';
import { ConnectionStatus } from './ConnectionStatus';
import { EndInterviewButton } from './EndInterviewButton';
import { RoundTimer } from './RoundTimer';
import { SwapControl } from './SwapControl';
import type { RoomActions } from './session/RoomActions';

interface Props {
  room: RoomState;
  self: ParticipantView;
  /** The round's stage or type, as the loop bar names it. */
  roundName: string;
  isPlayer: boolean;
  /** A solo room: nobody to swap with or call, the interviewer is the server. */
  solo: boolean;
  call: CallControlsApi | null;
  /** Both the control socket and the code document are connected. */
  connected: boolean;
  actions: RoomActions;
}

/** The room's header: round, seat, clock, swap, end, the call's entry and the connection. */
export function RoomHeader({ room, self, roundName, isPlayer, solo, call, connected, actions }: Props) {
  const isInterviewer = self.role === 'interviewer';
  const ended = room.round.endedAt !== null;
  return (
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
      {!solo && <SwapControl room={room} self={self} actions={actions} />}
      {isPlayer && !ended && <EndInterviewButton onEnd={actions.endRound} />}
      {call && !call.inCall && !solo && <CallControls call={call} />}
      <ConnectionStatus connected={connected} />
    </header>
  );
}

/** Focuses the console (a button, not a link: no fragment in the room's URL, which is the invite). */
function skipToConsole(): void {
  const panel = document.getElementById('interviewer-panel');
  if (!panel) return;
  panel.focus();
  panel.scrollIntoView({ block: 'start' });
}
