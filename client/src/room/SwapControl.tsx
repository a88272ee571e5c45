import type { ParticipantView, RoomState } from '@mockloop/shared';
import { useAction } from '../lib/useAction';
import type { RoomActions } from './useRoomSession';

interface Props {
  room: RoomState;
  self: ParticipantView;
  actions: RoomActions;
}

/**
 * Role swap in two steps: one player proposes, the other accepts. Then the seats exchange and the
 * next round starts with its own question, notes, timer and feedback.
 */
export function SwapControl({ room, self, actions }: Props) {
  const propose = useAction(actions.proposeSwap);
  const respond = useAction(actions.respondSwap);
  const isPlayer = self.id === room.round.interviewerId || self.id === room.round.candidateId;
  if (!isPlayer) return null;
  const proposal = room.swapProposal;
  const proposer = room.participants.find((p) => p.id === proposal?.by);
  const error = propose.error ?? respond.error;

  if (proposal && proposal.by !== self.id) {
    return (
      <div className="swap-banner" role="alertdialog" aria-label="Role swap proposed">
        <span>
          <strong>{proposer?.name ?? 'Your partner'}</strong> proposes to swap roles and start round{' '}
          {room.round.number + 1}.
        </span>
        <button type="button" className="button primary small-button" onClick={() => respond.run(true)}>
          Accept swap
        </button>
        <button type="button" className="button small-button" onClick={() => respond.run(false)}>
          Decline
        </button>
        {error && <span className="error small">{error}</span>}
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={proposal?.by === self.id || propose.busy}
        onClick={() => propose.run()}
      >
        {proposal?.by === self.id ? 'Swap proposed…' : 'Swap roles'}
      </button>
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
    </>
  );
}
