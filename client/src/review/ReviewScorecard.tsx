import type { ReviewView, ScorecardInput } from '@mockloop/shared';
import { FeedbackForm } from '../room/feedback/FeedbackForm';

/** The reviewer's one scorecard for the round: the room's form until it is in, then a thank-you. */
export function ReviewScorecard({
  roomId,
  view,
  onSubmit,
}: {
  roomId: string;
  view: ReviewView;
  /** Resolves to the problem to show, or null once the scorecard is in. */
  onSubmit: (input: ScorecardInput) => Promise<string | null>;
}) {
  return (
    <section aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading">The interviewer's scorecard</h2>
      {view.scorecardSubmitted ? (
        <p role="status">The scorecard is in. Thank you.</p>
      ) : (
        <FeedbackForm
          roomId={roomId}
          round={view.round}
          kind="scorecard"
          criteria={view.criteria}
          partnerName={view.candidateName}
          onSubmitScorecard={onSubmit}
          onSubmitSelfAssessment={async () => 'Only the candidate assesses themself.'}
        />
      )}
    </section>
  );
}
