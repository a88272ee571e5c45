import {
  DEFAULT_ROUND_MINUTES,
  type PlanRound,
  type PublicQuestion,
  type PublicTrack,
  ROUND_TYPE_LABELS,
  ROUND_TYPES,
  ROUTES,
} from '@mockloop/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { fetchQuestions, fetchTrack } from '../lib/api';
import { Prose } from '../lib/Prose';
import { DifficultyRadar } from '../tracks/DifficultyRadar';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';
import { NotFoundPage } from './NotFoundPage';
import { PractiseFields, usePractise } from './PractiseForm';
import { SimulateLoopButton } from './SimulateLoopButton';
import './trackPage.css';

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
  return <TrackView track={track} questions={questions} />;
}

/** "Recruiter screen · 30 min": a plan round's name and minutes, the type's when it has none. */
export function planRoundText(round: PlanRound): string {
  return `${round.label ?? ROUND_TYPE_LABELS[round.roundType]} · ${round.minutes ?? DEFAULT_ROUND_MINUTES[round.roundType]} min`;
}

function TrackView({ track, questions }: { track: PublicTrack; questions: PublicQuestion[] }) {
  const practise = usePractise();
  const plan = track.plan ?? [];
  const first = plan[0];
  const busy = practise.busy !== null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (first) practise.start('loop', { roundType: first.roundType, loopTrackId: track.id });
  }

  return (
    <main className="track-page">
      <header className="home-header">
        <BrandLink />
      </header>
      <h1>
        {track.company.name} · {track.role}
      </h1>
      <div className="track-intro track-top">
        <div className="track-about">
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
        </div>

        <section className="card practise-card" aria-labelledby="practise-heading">
          <h2 id="practise-heading">Practise with a peer</h2>
          <form onSubmit={onSubmit} noValidate>
            <PractiseFields practise={practise} />
            {first && (
              <>
                <h3 id="plan-heading">The loop plan</h3>
                <ol className="plan-rounds" aria-labelledby="plan-heading">
                  {plan.map((round, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the plan is static and ordered; a type may repeat
                    <li key={i}>{planRoundText(round)}</li>
                  ))}
                </ol>
                <p className="hint">
                  One room takes you through every round. Swap seats between rounds so both of you practise.
                </p>
                <button className="button primary wide" type="submit" disabled={busy}>
                  {practise.busy === 'loop' ? 'Creating…' : 'Practise this loop'}
                </button>
                <SimulateLoopButton practise={practise} trackId={track.id} />
              </>
            )}
          </form>
          <p className="or">
            No partner yet?{' '}
            <a href={ROUTES.lobby({ trackId: track.id, roundType: first?.roundType ?? 'coding' })}>
              Find a partner for this track
            </a>
          </p>
        </section>
        <section className="track-loop" aria-labelledby="loop-heading">
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
      </div>

      <DifficultyRadar questions={questions} />

      <section className="track-columns">
        <div>
          <h2>Who you will meet</h2>
          {track.personas.map((persona) => (
            <p key={persona.id}>
              <strong>{persona.name}</strong> <span className="muted">({persona.title})</span>:{' '}
              {persona.focus}{' '}
              <button
                type="button"
                className="button small-button"
                aria-label={`Simulate an interview with ${persona.name}`}
                disabled={busy}
                onClick={() =>
                  practise.simulate(`sim-${persona.id}`, { trackId: track.id, personaId: persona.id })
                }
              >
                {practise.busy === `sim-${persona.id}` ? 'Creating…' : 'Simulate'}
              </button>
            </p>
          ))}
          <p className="muted small">
            Simulate: practise alone, as the candidate, with the server playing this interviewer (it keeps
            time, asks follow-ups, gives hints when you ask). Uses your name from Practise with a peer.
          </p>
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
                    <li key={q.id}>
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
                        onClick={() =>
                          practise.simulate(`sim-${q.id}`, { trackId: track.id, questionId: q.id })
                        }
                      >
                        {practise.busy === `sim-${q.id}` ? 'Creating…' : 'Simulate'}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </div>
      </section>
    </main>
  );
}
