import type { PublicQuestion, PublicTrack } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { fetchQuestions, fetchTrack } from '../lib/api';
import { usePractise } from '../practice/PractiseForm';
import { DifficultyRadar } from '../tracks/DifficultyRadar';
import { TrackLoopStages } from '../tracks/TrackLoopStages';
import { TrackPeople } from '../tracks/TrackPeople';
import { TrackPractiseCard } from '../tracks/TrackPractiseCard';
import { TrackRounds } from '../tracks/TrackRounds';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';
import { NotFoundPage } from './NotFoundPage';
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

function TrackView({ track, questions }: { track: PublicTrack; questions: PublicQuestion[] }) {
  const practise = usePractise();
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
        <TrackPractiseCard track={track} practise={practise} />
        <TrackLoopStages loop={track.loop} />
      </div>
      <DifficultyRadar questions={questions} />
      <TrackPeople track={track} practise={practise} />
      <TrackRounds track={track} questions={questions} practise={practise} />
    </main>
  );
}
