import {
  type PublicTrack,
  ROUND_TYPE_LABELS,
  ROUND_TYPES,
  ROUTES,
  type RoundType,
  type SeatRole,
} from '@mockloop/shared';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { fetchTracks } from '../lib/api';
import { checkName } from '../lib/displayName';
import { oneOf } from '../lib/oneOf';
import { startRoom, startRoomError } from '../lib/startRoom';
import { storage } from '../lib/storage';
import { NameField, RoleChoice } from '../practice/PractiseForm';
import { BrandLink } from '../ui/BrandLink';

const ROUND_HINTS: Record<RoundType, string> = {
  'recruiter-screen': 'A fit conversation: shared notes, behavioural questions, the company values.',
  coding: 'Shared editor with highlighting for six languages.',
  'system-design': 'Architecture discussion with a shared editor for notes.',
  behavioral: 'Story-driven questions; the editor holds shared notes.',
  technical: 'Domain deep dive: ML, databases, debugging.',
};

export function HomePage() {
  const [name, setName] = useState(storage.name);
  const [roundType, setRoundType] = useState<RoundType>('coding');
  const [role, setRole] = useState<SeatRole>('interviewer');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roundId = useId();
  const [tracks, setTracks] = useState<PublicTrack[]>([]);

  useEffect(() => {
    fetchTracks().then(setTracks, () => setTracks([])); // the list is a shortcut; the form works without it
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkName(name);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    const trimmed = checked.name;
    setBusy(true);
    setError(null);
    try {
      await startRoom({ roundType, creatorRole: role, name: trimmed });
    } catch (err) {
      setError(startRoomError(err));
      setBusy(false);
    }
  }

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
      <form
        className="card create-form"
        onSubmit={onSubmit}
        aria-describedby={error ? 'create-error' : undefined}
      >
        <h2>Start a room</h2>
        <NameField value={name} onChange={setName} />
        <label htmlFor={roundId}>Round type</label>
        <select
          id={roundId}
          value={roundType}
          onChange={(e) => setRoundType(oneOf(ROUND_TYPES, e.target.value) ?? roundType)}
        >
          {ROUND_TYPES.map((type) => (
            <option key={type} value={type}>
              {ROUND_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <p className="hint">{ROUND_HINTS[roundType]}</p>
        <RoleChoice value={role} onChange={setRole} />
        {error && (
          <p id="create-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button className="button primary wide" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create room'}
        </button>
        <p className="or">
          No partner yet? <a href={ROUTES.lobby()}>Find a practice partner</a>
        </p>
      </form>
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
