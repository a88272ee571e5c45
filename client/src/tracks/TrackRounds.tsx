import {
  type PublicQuestion,
  type PublicTrack,
  ROUND_TYPE_LABELS,
  ROUND_TYPES,
  ROUTES,
} from '@mockloop/shared';
import type { Practise } from '../practice/PractiseForm';

/** "Practise one round": the track's questions by round type, each with a room and a simulation. */
export function TrackRounds({
  track,
  questions,
  practise,
}: {
  track: PublicTrack;
  questions: PublicQuestion[];
  practise: Practise;
}) {
  return (
    <section aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">Practise one round</h2>
      <p className="muted">
        A room for one question: it opens picked for the interviewer, who reveals it when the candidate is
        ready. It uses your name and seat from Practise with a peer.
      </p>
      <div className="round-plan">
        {ROUND_TYPES.map((type) => ({ type, list: questions.filter((q) => q.roundType === type) }))
          .filter(({ list }) => list.length > 0)
          .map(({ type, list }) => (
            <div key={type} className="card">
              <h3>
                {ROUND_TYPE_LABELS[type]}{' '}
                <span className="muted small">
                  {list.length} question{list.length === 1 ? '' : 's'} · {list[0]?.timeLimitMinutes} min
                </span>
              </h3>
              <ul className="small question-rows">
                {list.map((q) => (
                  <TrackQuestionRow key={q.id} track={track} question={q} practise={practise} />
                ))}
              </ul>
            </div>
          ))}
      </div>
    </section>
  );
}

function TrackQuestionRow({
  track,
  question: q,
  practise,
}: {
  track: PublicTrack;
  question: PublicQuestion;
  practise: Practise;
}) {
  const busy = practise.busy !== null;
  return (
    <li>
      <a href={ROUTES.question(track.id, q.id)}>{q.title}</a>{' '}
      <span className={`chip difficulty-${q.difficulty}`}>{q.difficulty}</span>
      <button
        type="button"
        className="button small-button"
        aria-label={`Practise this round: ${q.title}`}
        disabled={busy}
        onClick={() => practise.start(q.id, { roundType: q.roundType, questionId: q.id })}
      >
        {practise.busy === q.id ? 'Creating…' : 'Practise this round'}
      </button>
      <button
        type="button"
        className="button small-button"
        aria-label={`Simulate this round: ${q.title}`}
        disabled={busy}
        onClick={() => practise.simulate(`sim-${q.id}`, { trackId: track.id, questionId: q.id })}
      >
        {practise.busy === `sim-${q.id}` ? 'Creating…' : 'Simulate'}
      </button>
    </li>
  );
}
