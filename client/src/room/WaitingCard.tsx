import { type ParticipantView, ROLE_LABELS, type RoomState } from '@mockloop/shared';
import { InviteButton } from './InviteButton';

interface Props {
  room: RoomState;
  self: ParticipantView;
  /** Who the lobby paired this person with, when it did. */
  matchedWith: string | null;
  onHide(): void;
}

/** The seat this person waits to see filled: the other player's. */
function awaitedRole(self: ParticipantView): 'interviewer' | 'candidate' {
  return self.role === 'interviewer' ? 'candidate' : 'interviewer';
}

/**
 * What someone alone in the room sees first: who they are waiting for, and the invite link to
 * send them, with its Copy button, at the top of the workspace (above the editor, never over
 * it: they may start typing). It goes when someone else is online.
 */
export function WaitingCard({ room, self, matchedWith, onHide }: Props) {
  const role = awaitedRole(self);
  const partner = room.participants.find((p) => p.id !== self.id && p.role === role);
  const seat = ROLE_LABELS[role].toLowerCase();
  const heading = partner ? `Waiting for ${partner.name}` : `Waiting for your ${seat}`;
  let text: string;
  if (matchedWith && partner) {
    text = `The lobby matched you with ${partner.name}, who plays the ${seat}: they are on their way into this room.`;
  } else if (partner) {
    text = `${partner.name} (${seat}) is not in the room just now. The same link brings them back.`;
  } else {
    text = `Send this link to your ${seat}: the first person to open it takes the ${seat}'s seat, and anyone after that watches.`;
  }
  return (
    <section className="waiting-card" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{heading}</h2>
      <p>{text}</p>
      <InviteButton roomId={room.roomId} showUrl />
      <p className="muted small">
        {self.role === 'interviewer'
          ? 'Meanwhile, read the brief in the Interviewer panel and pick the question.'
          : 'Meanwhile, set the editor up as you like it: its settings are beside the language.'}{' '}
        <button type="button" className="link-button" onClick={onHide}>
          Hide this
        </button>
      </p>
    </section>
  );
}
