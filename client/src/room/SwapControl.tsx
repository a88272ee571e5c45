import type { ParticipantView, RoomState } from '@mockloop/shared';
import { useEffect, useRef, useState } from 'react';
import { useAction } from '../lib/useAction';
import type { RoomActions } from './session/RoomActions';

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
  const end = useAction(actions.endRound);
  // Swapping ends the round: before it has ended, say so first and offer to score it now.
  const [confirming, setConfirming] = useState(false);
  const scoreFirst = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) scoreFirst.current?.focus();
  }, [confirming]);
  const isPlayer = self.id === room.round.interviewerId || self.id === room.round.candidateId;
  if (!isPlayer) return null;
  const proposal = room.swapProposal;
  const proposer = room.participants.find((p) => p.id === proposal?.by);
  const error = propose.error ?? respond.error ?? end.error;
  const roundOpen = room.round.endedAt === null;
  const number = room.round.number;

  if (proposal && proposal.by !== self.id) {
    return (
      <div className="swap-banner" role="alertdialog" aria-label="Role swap proposed">
        <span>
          <strong>{proposer?.name ?? 'Your partner'}</strong> proposes to swap roles and start round{' '}
          {number + 1}.{roundOpen && ` Round ${number} ends; its feedback stays open in the room afterwards.`}
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
  if (confirming && !proposal) {
    return (
      <div className="swap-banner" role="alertdialog" aria-label="Swap roles">
        <span>
          Swapping ends round {number}. Score it first, or swap now and give its feedback later from the room.
        </span>
        <button
          type="button"
          className="button primary small-button"
          ref={scoreFirst}
          onClick={() => {
            setConfirming(false);
            void end.run();
          }}
        >
          End round {number} and score it
        </button>
        <button
          type="button"
          className="button small-button"
          onClick={() => {
            setConfirming(false);
            void propose.run();
          }}
        >
          Swap now
        </button>
        <button type="button" className="button small-button" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={proposal?.by === self.id || propose.busy}
        onClick={() => (roundOpen ? setConfirming(true) : propose.run())}
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
