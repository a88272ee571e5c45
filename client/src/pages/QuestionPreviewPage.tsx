import { type PublicQuestion, type PublicTrack, ROUTES } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { fetchQuestion, fetchTrack } from '../lib/api';
import { QuestionPractiseCard } from '../questions/QuestionPractiseCard';
import { QuestionPreviewBody } from '../questions/QuestionPreviewBody';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';
import { NotFoundPage } from './NotFoundPage';
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
        <QuestionPreviewBody question={question} />
        <QuestionPractiseCard track={track} question={question} />
      </div>
    </main>
  );
}
