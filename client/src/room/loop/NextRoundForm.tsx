import {
  type ParticipantView,
  type PublicQuestion,
  questionFits,
  type RoomState,
  type RoundType,
} from '@mockloop/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { fetchQuestions } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import type { RoomActions } from '../session/RoomActions';
import { BreakNotice } from './BreakNotice';
import { NextQuestionSelect } from './NextQuestionSelect';
import { RoundTypeSelect } from './RoundTypeSelect';
import { type Seats, SeatsChoice } from './SeatsChoice';
import { StartRoundButtons } from './StartRoundButtons';

interface Props {
  room: RoomState;
  self: ParticipantView;
  actions: RoomActions;
}

/**
 * Between rounds (the room waits as long as the pair likes): the ended round's interviewer opens
 * the next one, of any type, with the same seats or swapped; everyone else sees who will.
 */
export function NextRoundForm({ room, self, actions }: Props) {
  const round = room.round;
  const loop = room.loop;
  const planned = loop && loop.next !== null ? loop.stages[loop.next] : undefined;
  const [roundType, setRoundType] = useState<RoundType>(planned?.roundType ?? room.roundType);
  const [seats, setSeats] = useState<Seats>('same');
  const [questionId, setQuestionId] = useState('');
  const [questions, setQuestions] = useState<PublicQuestion[] | null>(null);
  // The partner still writing their feedback: asked first, since the new round moves their form.
  const [confirming, setConfirming] = useState(false);
  const start = useAction(actions.nextRound);
  const isInterviewer = self.id === round.interviewerId;
  const partnerId = isInterviewer ? round.candidateId : round.interviewerId;
  const nameOf = (id: string | null) => room.participants.find((p) => p.id === id)?.name ?? 'your partner';

  useEffect(() => {
    if (isInterviewer) fetchQuestions().then(setQuestions, () => setQuestions([]));
  }, [isInterviewer]);

  const next = round.number + 1;
  const partnerOwes = partnerId !== null && !round.feedback.selfAssessment;
  const plannedHere = planned !== undefined && planned.roundType === roundType;
  const upcoming = planned ? `Next in the loop: ${planned.label} · ${planned.minutes} min.` : '';

  if (!isInterviewer) {
    return <BreakNotice interviewerName={nameOf(round.interviewerId)} next={next} upcoming={upcoming} />;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (partnerOwes && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    void start.run({ roundType, seats, ...(seats === 'same' && questionId ? { questionId } : {}) });
  }

  const fitting = (questions ?? []).filter((q) => questionFits(roundType, q.roundType));
  return (
    <section className="next-round" aria-label="Next round">
      <h2 className="panel-title" id="next-round-heading" tabIndex={-1}>
        Next round
      </h2>
      <p className="muted small">Take a break if you like: the room waits. {upcoming}</p>
      <form className="next-round-form" onSubmit={onSubmit}>
        <RoundTypeSelect
          value={roundType}
          planned={planned}
          onChange={(type) => {
            setRoundType(type);
            // A question picked for another round type may not fit this one.
            setQuestionId('');
          }}
        />
        <SeatsChoice value={seats} partnerName={nameOf(partnerId)} onChange={setSeats} />
        {seats === 'same' ? (
          <NextQuestionSelect
            value={questionId}
            questions={fitting}
            plannedHere={plannedHere}
            onChange={setQuestionId}
          />
        ) : (
          <p className="muted small">{nameOf(partnerId)} picks the question, privately.</p>
        )}
        <StartRoundButtons
          next={next}
          ended={round.number}
          partnerName={nameOf(partnerId)}
          confirming={confirming}
          busy={start.busy}
          onWait={() => setConfirming(false)}
        />
        {start.error && (
          <p role="alert" className="error small">
            {start.error}
          </p>
        )}
      </form>
    </section>
  );
}
