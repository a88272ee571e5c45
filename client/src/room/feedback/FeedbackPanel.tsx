import { type InterviewerBrief, type ParticipantView, ROUTES, type RoomState } from '@mockloop/shared';
import { useEffect, useRef } from 'react';
import type { RoomActions } from '../session/RoomActions';
import { FeedbackForm } from './FeedbackForm';

interface Props {
  room: RoomState;
  self: ParticipantView;
  brief: InterviewerBrief | null;
  actions: RoomActions;
}

/** Brings the Next round section into view and the keyboard to its heading. */
function goToNextRound(): void {
  const heading = document.getElementById('next-round-heading');
  heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  heading?.focus({ preventScroll: true });
}

/** After End interview: the form for whichever side this person played, then a link to the report. */
export function FeedbackPanel({ room, self, brief, actions }: Props) {
  const round = room.round;
  const isInterviewer = self.id === round.interviewerId;
  const isCandidate = self.id === round.candidateId;
  const partnerId = isInterviewer ? round.candidateId : round.interviewerId;
  const partnerName = room.participants.find((p) => p.id === partnerId)?.name ?? 'your partner';
  const submitted = isInterviewer ? round.feedback.scorecard : round.feedback.selfAssessment;
  // The round just ended (End now is gone): the keyboard goes on here, where the next step is.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) heading.current?.focus();
  }, []);
  // Submitted here and now: the thanks replaces the long form, so bring it into view.
  const thanks = useRef<HTMLDivElement>(null);
  const wasSubmitted = useRef(submitted);
  useEffect(() => {
    if (submitted && !wasSubmitted.current) {
      thanks.current?.focus();
      thanks.current?.scrollIntoView({ block: 'nearest' });
    }
    wasSubmitted.current = submitted;
  }, [submitted]);
  const reportLink = (
    <a className="button" href={`${ROUTES.room(room.roomId)}/report`}>
      Open the report
    </a>
  );

  return (
    <section className="feedback-panel" aria-label="Feedback">
      <h2 className="panel-title" ref={heading} tabIndex={-1}>
        Round {round.number} ended
      </h2>
      {!isInterviewer && !isCandidate && (
        <p>
          {round.feedback.scorecard && round.feedback.selfAssessment
            ? 'Both players have given their feedback.'
            : 'The players are writing their feedback.'}{' '}
          {reportLink}
        </p>
      )}
      {(isInterviewer || isCandidate) && submitted && (
        <div className="empty-state" ref={thanks} tabIndex={-1}>
          <p>Thanks, your feedback is in.</p>
          <p className="muted small">
            {isInterviewer
              ? round.feedback.selfAssessment
                ? `${partnerName} has submitted a self-assessment.`
                : `${partnerName} will see your scorecard after submitting a self-assessment.`
              : round.feedback.scorecard
                ? 'The scorecard is ready for you.'
                : 'The scorecard will appear in the report when it is submitted.'}
          </p>
          {reportLink}
        </div>
      )}
      {isInterviewer && !submitted && (
        // The next round's form sits under this long one: say where it is, and go there.
        <p className="muted small next-round-pointer">
          Score the round, then start the next one.{' '}
          <button type="button" className="link-button" onClick={goToNextRound}>
            Go to Next round
          </button>
        </p>
      )}
      {(isInterviewer || isCandidate) && !submitted && (
        <FeedbackForm
          key={round.number}
          roomId={room.roomId}
          round={round.number}
          kind={isInterviewer ? 'scorecard' : 'self-assessment'}
          criteria={
            isInterviewer && brief?.selected && brief.revealed && brief.round === round.number
              ? brief.selected.rubric
              : round.criteria
          }
          partnerName={partnerName}
          onSubmitScorecard={actions.submitScorecard}
          onSubmitSelfAssessment={actions.submitSelfAssessment}
        />
      )}
    </section>
  );
}
