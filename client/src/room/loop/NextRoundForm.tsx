import {
  type ParticipantView,
  type PublicQuestion,
  questionFits,
  ROUND_TYPE_LABELS,
  ROUND_TYPES,
  type RoomState,
  type RoundType,
} from '@mockloop/shared';
import { useEffect, useId, useState } from 'react';
import { fetchQuestions } from '../../lib/api';
import { oneOf } from '../../lib/oneOf';
import { useAction } from '../../lib/useAction';
import type { RoomActions } from '../session/RoomActions';

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
  const [seats, setSeats] = useState<'same' | 'swapped'>('same');
  const [questionId, setQuestionId] = useState('');
  const [questions, setQuestions] = useState<PublicQuestion[] | null>(null);
  // The partner still writing their feedback: asked first, since the new round moves their form.
  const [confirming, setConfirming] = useState(false);
  const start = useAction(actions.nextRound);
  const ids = { type: useId(), question: useId(), note: useId() };
  const isInterviewer = self.id === round.interviewerId;
  const partnerId = isInterviewer ? round.candidateId : round.interviewerId;
  const name = (id: string | null) => room.participants.find((p) => p.id === id)?.name ?? 'your partner';

  useEffect(() => {
    if (isInterviewer) fetchQuestions().then(setQuestions, () => setQuestions([]));
  }, [isInterviewer]);

  const next = round.number + 1;
  const partnerOwes = partnerId !== null && !round.feedback.selfAssessment;
  const plannedHere = planned !== undefined && planned.roundType === roundType;
  const upcoming = planned ? `Next in the loop: ${planned.label} · ${planned.minutes} min.` : '';

  if (!isInterviewer) {
    return (
      <section className="next-round" aria-label="Next round">
        <h2 className="panel-title">Break</h2>
        <p role="status">
          {name(round.interviewerId)} starts round {next} when you are both ready. {upcoming}
        </p>
      </section>
    );
  }

  const fitting = (questions ?? []).filter((q) => questionFits(roundType, q.roundType));
  return (
    <section className="next-round" aria-label="Next round">
      <h2 className="panel-title" id="next-round-heading" tabIndex={-1}>
        Next round
      </h2>
      <p className="muted small">Take a break if you like: the room waits. {upcoming}</p>
      <form
        className="next-round-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (partnerOwes && !confirming) {
            setConfirming(true);
            return;
          }
          setConfirming(false);
          void start.run({
            roundType,
            seats,
            ...(seats === 'same' && questionId ? { questionId } : {}),
          });
        }}
      >
        <label htmlFor={ids.type}>Round type</label>
        <select
          id={ids.type}
          value={roundType}
          onChange={(e) => {
            setRoundType(oneOf(ROUND_TYPES, e.target.value) ?? roundType);
            setQuestionId('');
          }}
        >
          {ROUND_TYPES.map((t) => (
            <option key={t} value={t}>
              {ROUND_TYPE_LABELS[t]}
              {planned?.roundType === t
                ? planned.label === ROUND_TYPE_LABELS[t]
                  ? ' (next in the loop)'
                  : ` (next in the loop: ${planned.label})`
                : ''}
            </option>
          ))}
        </select>
        <fieldset className="segmented">
          <legend>Who interviews</legend>
          {(['same', 'swapped'] as const).map((choice) => (
            <label key={choice} className={seats === choice ? 'selected' : undefined}>
              <input type="radio" name="seats" checked={seats === choice} onChange={() => setSeats(choice)} />
              {choice === 'same' ? 'You again' : `${name(partnerId)} (swap)`}
            </label>
          ))}
        </fieldset>
        {seats === 'same' ? (
          <>
            <label htmlFor={ids.question}>Question</label>
            <select
              id={ids.question}
              value={questionId}
              aria-describedby={ids.note}
              onChange={(e) => setQuestionId(e.target.value)}
            >
              <option value="">{plannedHere ? "The loop's suggestion" : 'Pick it in the round'}</option>
              {fitting.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.title}
                </option>
              ))}
            </select>
            <p id={ids.note} className="muted small">
              Only you see it until you reveal it.
            </p>
          </>
        ) : (
          <p className="muted small">{name(partnerId)} picks the question, privately.</p>
        )}
        {confirming ? (
          <div className="confirm-box" role="alertdialog" aria-label={`Start round ${next}`}>
            <p>
              {name(partnerId)} has not sent a self-assessment of round {round.number} yet. It stays open for
              them in the room, to finish while round {next} runs.
            </p>
            <button type="submit" className="button primary" disabled={start.busy}>
              Start round {next} anyway
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Wait for {name(partnerId)}
            </button>
          </div>
        ) : (
          <button type="submit" className="button primary" disabled={start.busy}>
            Start round {next}
          </button>
        )}
        {start.error && (
          <p role="alert" className="error small">
            {start.error}
          </p>
        )}
      </form>
    </section>
  );
}
