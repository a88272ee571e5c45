import { type PublicQuestion, type PublicTrack, ROUND_TYPE_LABELS, ROUTES } from '@mockloop/shared';
import type { FormEvent } from 'react';
import { PractiseFields, usePractise } from '../practice/PractiseForm';

/** The question preview's "Practise this question": a room with a peer, or a simulation alone. */
export function QuestionPractiseCard({ track, question }: { track: PublicTrack; question: PublicQuestion }) {
  const practise = usePractise();
  const typeLabel = ROUND_TYPE_LABELS[question.roundType];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    practise.start('round', { roundType: question.roundType, questionId: question.id });
  }

  return (
    <section className="card practise-card" aria-labelledby="practise-heading">
      <h2 id="practise-heading">Practise this question</h2>
      <form onSubmit={onSubmit} noValidate>
        <PractiseFields practise={practise} />
        <p className="hint">
          A {typeLabel.toLowerCase()} room of {question.timeLimitMinutes} min opens with this question picked
          for the interviewer, who reveals it when the candidate is ready.
        </p>
        <button className="button primary wide" type="submit" disabled={practise.busy !== null}>
          {practise.busy === 'round' ? 'Creating…' : 'Practise this round'}
        </button>
        <button
          className="button wide"
          type="button"
          disabled={practise.busy !== null}
          onClick={() => practise.simulate('simulate', { trackId: track.id, questionId: question.id })}
        >
          {practise.busy === 'simulate' ? 'Creating…' : 'Simulate alone'}
        </button>
        <p className="hint">
          Simulate alone: you are the candidate, the server plays{' '}
          {track.personas[0]?.name ?? 'the interviewer'}; the brief opens after your self-assessment.
        </p>
      </form>
      <p className="or">
        No partner yet?{' '}
        <a href={ROUTES.lobby({ trackId: track.id, roundType: question.roundType })}>
          Find a partner for this track
        </a>
      </p>
    </section>
  );
}
