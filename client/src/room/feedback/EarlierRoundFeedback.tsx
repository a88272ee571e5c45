import type { ParticipantView, RoomState, RoundSummary } from '@mockloop/shared';
import { useState } from 'react';
import type { RoomActions } from '../session/RoomActions';
import { FeedbackForm } from './FeedbackForm';
import { owed } from './owedFeedback';

interface Props {
  room: RoomState;
  self: ParticipantView;
  actions: RoomActions;
}

/**
 * Feedback stays open for every ended round, not only the current one: a pair that swapped roles
 * before ending round 1 finds it here, in the room, and gives it while round 2 goes on. One card
 * per round this person still owes; the form opens on demand.
 */
export function EarlierRoundFeedback({ room, self, actions }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  const due = room.rounds
    .filter((r) => r.number < room.round.number)
    .map((round) => ({ round, kind: owed(round, self.id) }))
    .filter((d): d is { round: RoundSummary; kind: 'scorecard' | 'self-assessment' } => d.kind !== null);
  // The round whose form was open has left the list: its feedback is in.
  const thanks = open !== null && !due.some((d) => d.round.number === open) ? open : null;
  if (due.length === 0 && thanks === null) return null;
  const nameOf = (id: string | null) => room.participants.find((p) => p.id === id)?.name ?? 'your partner';

  return (
    <section className="earlier-feedback" aria-label="Feedback for earlier rounds">
      {thanks !== null && (
        <p className="earlier-feedback-card done" role="status">
          Thanks, your feedback for round {thanks} is in.{' '}
          <a href={`/r/${room.roomId}/report`}>Open the report</a>
        </p>
      )}
      {due.map(({ round, kind }) => {
        const partner = nameOf(kind === 'scorecard' ? round.candidateId : round.interviewerId);
        const what = kind === 'scorecard' ? 'scorecard' : 'self-assessment';
        return (
          <div key={round.number} className="earlier-feedback-card">
            <p>
              <strong>Round {round.number}</strong> ended without your {what}
              {round.title ? ` (${round.title})` : ''}.
            </p>
            {open === round.number ? (
              <FeedbackForm
                roomId={room.roomId}
                round={round.number}
                kind={kind}
                criteria={round.criteria}
                partnerName={partner}
                onSubmitScorecard={actions.submitScorecard}
                onSubmitSelfAssessment={actions.submitSelfAssessment}
              />
            ) : (
              <button
                type="button"
                className="button primary small-button"
                onClick={() => setOpen(round.number)}
              >
                {kind === 'scorecard' ? `Score round ${round.number}` : `Assess round ${round.number}`}
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
}
