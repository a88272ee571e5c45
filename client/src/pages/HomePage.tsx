import { type PublicTrack, ROUND_TYPE_LABELS, ROUTES, RoundType, type SeatRole } from '@mockloop/shared';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { navigate } from '../app/router';
import { createRoom, fetchTracks } from '../lib/api';
import { checkName } from '../lib/displayName';
import { storage } from '../lib/storage';
import { BrandLink } from './BrandLink';

const ROUND_HINTS: Record<RoundType, string> = {
  coding: 'Shared editor with highlighting for six languages.',
  'system-design': 'Architecture discussion with a shared editor for notes.',
  behavioral: 'Story-driven questions; the editor holds shared notes.',
  technical: 'Domain deep dive: ML, data, metrics.',
};

export function HomePage() {
  const [name, setName] = useState(storage.name);
  const [roundType, setRoundType] = useState<RoundType>('coding');
  const [role, setRole] = useState<SeatRole>('interviewer');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
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
      const room = await createRoom({ roundType, creatorRole: role, name: trimmed });
      storage.setName(trimmed);
      storage.setSecret(room.roomId, room.secret);
      navigate(ROUTES.room(room.roomId));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not create the room.');
      setBusy(false);
    }
  }

  return (
    <main className="home">
      <header className="home-header">
        <BrandLink />
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
        <label htmlFor={nameId}>Your name</label>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          autoComplete="nickname"
          placeholder="e.g. Ada"
          required
        />
        <label htmlFor={roundId}>Round type</label>
        <select
          id={roundId}
          value={roundType}
          onChange={(e) => setRoundType(RoundType.parse(e.target.value))}
        >
          {RoundType.options.map((type) => (
            <option key={type} value={type}>
              {ROUND_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <p className="hint">{ROUND_HINTS[roundType]}</p>
        <fieldset className="segmented">
          <legend>I will be the</legend>
          {(['interviewer', 'candidate'] as const).map((r) => (
            <label key={r} className={role === r ? 'selected' : undefined}>
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {r === 'interviewer' ? 'Interviewer' : 'Candidate'}
            </label>
          ))}
        </fieldset>
        {error && (
          <p id="create-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button className="button primary wide" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create room'}
        </button>
        <p className="or">
          No partner yet? <a href="/lobby">Find a practice partner</a>
        </p>
      </form>
      {tracks.length > 0 && (
        <section className="tracks" aria-labelledby="tracks-heading">
          <h2 id="tracks-heading">Practice a real loop</h2>
          <ul>
            {tracks.map((track) => (
              <li key={track.id}>
                <a href={ROUTES.track(track.id)}>
                  {track.company.name} · {track.role}
                </a>
                <span className="muted small">
                  {' '}
                  {track.questionIds.length} questions · {track.difficulty}
                </span>
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
