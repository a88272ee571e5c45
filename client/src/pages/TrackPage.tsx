import { type PublicQuestion, type PublicTrack, ROUND_TYPE_LABELS, RoundType } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { FullPageMessage } from '../app/FullPageMessage';
import { fetchQuestions, fetchTrack } from '../lib/api';
import { Prose } from '../lib/Prose';
import { BrandLink } from './BrandLink';
import { NotFoundPage } from './NotFoundPage';

type State =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; track: PublicTrack; questions: PublicQuestion[] };

/** /tracks/:id: a company's loop, so a pair can plan a full mock loop round by round. */
export default function TrackPage({ trackId }: { trackId: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    Promise.all([fetchTrack(trackId), fetchQuestions()]).then(
      ([track, questions]) =>
        setState(
          track
            ? { status: 'ready', track, questions: questions.filter((q) => q.trackId === track.id) }
            : { status: 'missing' },
        ),
      (err: Error) => setState({ status: 'error', message: err.message }),
    );
  }, [trackId]);

  useEffect(() => {
    if (state.status === 'ready') {
      document.title = `${state.track.company.name} ${state.track.role} loop · Mockloop`;
    }
  }, [state]);

  if (state.status === 'loading') return <FullPageMessage text="Loading the track…" />;
  if (state.status === 'missing') return <NotFoundPage />;
  if (state.status === 'error') return <FullPageMessage text={state.message} />;
  const { track, questions } = state;
  return (
    <main className="track-page">
      <header className="home-header">
        <BrandLink />
      </header>
      <h1>
        {track.company.name} · {track.role}
      </h1>
      <p className="lead">{track.company.description}</p>
      <div className="chips">
        <span className={`chip difficulty-${track.difficulty}`}>{track.difficulty}</span>
        <span className="chip tag">about {track.typicalDurationDays} days from first call to offer</span>
        {track.company.values.map((value) => (
          <span key={value} className="chip tag">
            {value}
          </span>
        ))}
      </div>

      <section aria-labelledby="loop-heading">
        <h2 id="loop-heading">The loop</h2>
        <ol className="loop">
          {track.loop.map((stage) => (
            <li key={stage.name} className="card">
              <strong>{stage.name}</strong>
              <span className="muted small">
                {stage.minutes ? `${stage.minutes} min` : ''}
                {stage.rounds
                  ? `${stage.rounds.min === stage.rounds.max ? stage.rounds.min : `${stage.rounds.min}-${stage.rounds.max}`} rounds`
                  : ''}
              </span>
              <Prose className="small" text={stage.focus} />
            </li>
          ))}
        </ol>
      </section>

      <section className="track-columns">
        <div>
          <h2>Who you will meet</h2>
          {track.personas.map((persona) => (
            <p key={persona.id}>
              <strong>{persona.name}</strong> <span className="muted">({persona.title})</span>:{' '}
              {persona.focus}
            </p>
          ))}
        </div>
        <div>
          <h2>Unwritten rules</h2>
          {track.unwrittenRules.map((rule) => (
            <div key={rule.title}>
              <strong>{rule.title}</strong>
              <Prose className="small" text={rule.description} />
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Plan a mock loop</h2>
        <p className="muted">
          One room per round: create a room of that type from the home page, then pick one of these questions
          in the Interviewer panel. Swap seats between rounds so both of you practise.
        </p>
        <div className="round-plan">
          {RoundType.options
            .map((type) => ({ type, list: questions.filter((q) => q.roundType === type) }))
            .filter(({ list }) => list.length > 0)
            .map(({ type, list }) => (
              <div key={type} className="card">
                <h3>
                  {ROUND_TYPE_LABELS[type]}{' '}
                  <span className="muted small">
                    {list.length} question{list.length === 1 ? '' : 's'} · {list[0]?.timeLimitMinutes} min
                  </span>
                </h3>
                <ul className="small">
                  {list.map((q) => (
                    <li key={q.id}>
                      {q.title} <span className={`chip difficulty-${q.difficulty}`}>{q.difficulty}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </div>
      </section>
      <p>
        <a className="button primary" href="/">
          Start a room
        </a>
      </p>
    </main>
  );
}
