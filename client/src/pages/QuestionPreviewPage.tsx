import { type PublicQuestion, type PublicTrack, ROUND_TYPE_LABELS, ROUTES } from '@mockloop/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { fetchQuestion, fetchTrack } from '../lib/api';
import { Prose } from '../lib/Prose';
import { storage } from '../lib/storage';
import { CodingDetails } from '../questions/CodingDetails';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';
import { NotFoundPage } from './NotFoundPage';
import { PractiseFields, usePractise } from './PractiseForm';
import './trackPage.css';

type State =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; track: PublicTrack; question: PublicQuestion };

/**
 * /tracks/:trackId/questions/:questionId: one question of a track, as the candidate will see it
 * once revealed (its public view only), with a button to practise it in a room.
 */
export default function QuestionPreviewPage({
  trackId,
  questionId,
}: {
  trackId: string;
  questionId: string;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    Promise.all([fetchTrack(trackId), fetchQuestion(questionId)]).then(
      ([track, question]) =>
        setState(
          // A question of another track is not this track's: the same not-found page.
          track && question?.trackId === track.id
            ? { status: 'ready', track, question }
            : { status: 'missing' },
        ),
      (err: Error) => setState({ status: 'error', message: err.message }),
    );
  }, [trackId, questionId]);

  useEffect(() => {
    if (state.status === 'ready') {
      document.title = `${state.question.title} · ${state.track.company.name} ${state.track.role} · Mockloop`;
    }
  }, [state]);

  if (state.status === 'loading') return <FullPageMessage text="Loading the question…" />;
  if (state.status === 'missing') return <NotFoundPage />;
  if (state.status === 'error') return <FullPageMessage text={state.message} />;
  return <QuestionPreview track={state.track} question={state.question} />;
}

function QuestionPreview({ track, question }: { track: PublicTrack; question: PublicQuestion }) {
  const practise = usePractise();
  // No spoilers (P-SEEN-1): the prompt opens on request, and then counts as seen in this browser.
  const [shown, setShown] = useState(false);
  const show = () => {
    storage.markSeen(question.id);
    setShown(true);
  };
  const typeLabel = ROUND_TYPE_LABELS[question.roundType];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    practise.start('round', { roundType: question.roundType, questionId: question.id });
  }

  return (
    <main className="track-page">
      <header className="home-header">
        <BrandLink />
      </header>
      <a className="back-link" href={ROUTES.track(track.id)}>
        <span aria-hidden="true">← </span>
        {track.company.name} · {track.role}
      </a>
      <h1>{question.title}</h1>
      <div className="track-intro question-intro">
        <article className="question-body" aria-label="The question">
          <div className="chips">
            <span className="chip">{typeLabel}</span>
            <span className={`chip difficulty-${question.difficulty}`}>{question.difficulty}</span>
            <span className="chip tag">{question.timeLimitMinutes} min</span>
            {question.tags.map((tag) => (
              <span key={tag} className="chip tag">
                {tag}
              </span>
            ))}
          </div>
          {shown ? (
            <>
              <Prose className="prompt" text={question.prompt} />
              {question.coding && (
                <div className="coding-details">
                  <CodingDetails coding={question.coding} language="python" heading="h2" />
                </div>
              )}
            </>
          ) : (
            <div className="warning spoiler-guard">
              <p>
                This shows the whole prompt. If you may be asked this question as a candidate, reading it now
                spoils the practice: rooms of this browser will then prefer other questions.
              </p>
              <button type="button" className="button" onClick={show}>
                Show the prompt
              </button>
            </div>
          )}
          {question.phases.length > 0 && (
            <>
              <h2>Pacing</h2>
              <ol className="plan-rounds">
                {question.phases.map((phase) => (
                  <li key={phase.name}>
                    {phase.name} · {phase.minutes} min
                  </li>
                ))}
              </ol>
            </>
          )}
        </article>

        <section className="card practise-card" aria-labelledby="practise-heading">
          <h2 id="practise-heading">Practise this question</h2>
          <form onSubmit={onSubmit} noValidate>
            <PractiseFields practise={practise} />
            <p className="hint">
              A {typeLabel.toLowerCase()} room of {question.timeLimitMinutes} min opens with this question
              picked for the interviewer, who reveals it when the candidate is ready.
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
      </div>
    </main>
  );
}
