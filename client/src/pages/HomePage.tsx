import { type PublicTrack, ROUTES } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { fetchTracks } from '../lib/api';
import { BrandLink } from '../ui/BrandLink';
import { CreateRoomForm } from './home/CreateRoomForm';

export function HomePage() {
  const [tracks, setTracks] = useState<PublicTrack[]>([]);

  useEffect(() => {
    fetchTracks().then(setTracks, () => setTracks([])); // the list is a shortcut; the form works without it
  }, []);

  return (
    <main className="home">
      <header className="home-header">
        <BrandLink />
        <nav aria-label="Your practice">
          <a href="/practice">My practice</a>
          <a href={ROUTES.myQuestions}>My questions</a>
        </nav>
      </header>
      <section className="hero">
        <h1>Practice interviews with a peer, in one live room.</h1>
        <p className="lead">
          A shared code editor, live cursors and a private interviewer view. Send the link, pick who asks and
          who answers, and start.
        </p>
      </section>
      <CreateRoomForm />
      {tracks.length > 0 && (
        <section className="tracks" aria-labelledby="tracks-heading">
          <h2 id="tracks-heading">Practise a real loop</h2>
          <ul>
            {tracks.map((track) => (
              <li key={track.id}>
                <a href={ROUTES.track(track.id)}>
                  <strong>
                    {track.company.name} · {track.role}
                  </strong>
                  <span className="muted small">
                    {track.questionIds.length} questions · {track.difficulty}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul className="features">
        <li>
          <strong>Live code editor</strong> synced as you type, with your peer's cursor and name.
        </li>
        <li>
          <strong>Roles from the server</strong>: refresh or lose the connection and you keep your seat.
        </li>
        <li>
          <strong>Nothing lost</strong>: every edit is stored; a server restart resumes where you were.
        </li>
      </ul>
    </main>
  );
}
