import {
  ClientEvent,
  type ClientToServerEvents,
  type LobbyStatus,
  type PublicTrack,
  ROLE_PREFERENCES,
  ROUND_TYPE_LABELS,
  ROUND_TYPES,
  ROUTES,
  type RolePreference,
  type RoundType,
  ServerEvent,
  type ServerToClientEvents,
} from '@mockloop/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { fetchTracks } from '../lib/api';
import { checkName } from '../lib/displayName';
import { oneOf } from '../lib/oneOf';
import { navigate } from '../lib/router';
import { storage } from '../lib/storage';
import { formatDuration } from '../lib/time';
import { BrandLink } from '../ui/BrandLink';

const ROLE_CHOICES: Record<RolePreference, string> = {
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  either: 'Either',
};

/** What the address asks the form to start with (`?track=…&roundType=…`, as a track page links). */
function prefill(): { trackId: string; roundType: RoundType } {
  const params = new URLSearchParams(window.location.search);
  return {
    trackId: params.get('track') ?? '',
    roundType: oneOf(ROUND_TYPES, params.get('roundType')) ?? 'coding',
  };
}

/** /lobby: wait for a compatible stranger, then both land in a new room with roles set. */
export default function LobbyPage() {
  const [initial] = useState(prefill);
  const [tracks, setTracks] = useState<PublicTrack[] | null>(null);
  const [name, setName] = useState(storage.name);
  const [trackId, setTrackId] = useState(initial.trackId);
  const [roundType, setRoundType] = useState<RoundType>(initial.roundType);
  const [role, setRole] = useState<RolePreference>('either');
  const [status, setStatus] = useState<LobbyStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [entering, setEntering] = useState(false);
  const socket = useRef<Socket<ServerToClientEvents, ClientToServerEvents> | null>(null);
  const ids = { name: useId(), track: useId(), round: useId() };

  useEffect(() => {
    document.title = 'Find a practice partner · Mockloop';
    fetchTracks().then(
      (list) => {
        setTracks(list);
        // The track asked for, when it is one of the list; else the first.
        setTrackId((current) => (list.some((t) => t.id === current) ? current : (list[0]?.id ?? '')));
      },
      (err: Error) => setError(err.message),
    );
    return () => {
      socket.current?.disconnect(); // closing the page leaves the queue
    };
  }, []);

  useEffect(() => {
    if (status?.state !== 'waiting') return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [status]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (entering) return; // a double click enters once
    const checked = checkName(name);
    if ('error' in checked) return setError(checked.error);
    setError(null);
    storage.setName(checked.name);
    const s = socket.current ?? io({ transports: ['websocket'] });
    socket.current = s;
    s.off();
    s.on(ServerEvent.LobbyStatus, setStatus);
    s.on(ServerEvent.LobbyMatched, (match) => {
      storage.setSecret(match.roomId, match.secret);
      storage.setMatched(match.roomId, { partner: match.partnerName, role: match.role });
      navigate(ROUTES.room(match.roomId));
    });
    s.on('disconnect', () => setStatus(null));
    setEntering(true);
    const ack = await s
      .timeout(8000)
      .emitWithAck(ClientEvent.LobbyEnter, {
        name: checked.name,
        trackId,
        roundType,
        role,
        person: storage.person(),
        seen: storage.seen(),
      })
      .catch(() => null);
    setEntering(false);
    if (!ack) return setError('The server did not answer; try again.');
    if (!ack.ok) return setError(ack.error.message);
    if (ack.data.state === 'waiting') setStatus(ack.data);
  }

  async function leave() {
    await socket.current
      ?.timeout(8000)
      .emitWithAck(ClientEvent.LobbyLeave, {})
      .catch(() => null);
    setStatus(null);
  }

  const waiting = status?.state === 'waiting' ? status : null;
  return (
    <main className="centered">
      {waiting ? (
        <section className="card narrow lobby-wait" aria-labelledby="lobby-wait-heading">
          <BrandLink />
          <h1 id="lobby-wait-heading">Looking for a practice partner…</h1>
          <div role="status" className="lobby-status">
            <span className="pulse" aria-hidden="true" />
            You are #{waiting.position} in line · {waiting.waiting} waiting ·{' '}
            {formatDuration(now - waiting.since)}
          </div>
          <p className="muted small">
            {ROUND_TYPE_LABELS[roundType]} round as {ROLE_CHOICES[role].toLowerCase()}. Keep this tab open:
            you will move into a room as soon as someone compatible arrives.
          </p>
          <button type="button" className="button wide" onClick={leave}>
            Leave the queue
          </button>
        </section>
      ) : (
        <form className="card narrow" onSubmit={onSubmit} aria-labelledby="lobby-heading">
          <BrandLink />
          <h1 id="lobby-heading">Find a practice partner</h1>
          <p className="muted">
            We pair you with someone practising the same round, first come first served.
          </p>
          <label htmlFor={ids.name}>Your name</label>
          <input
            id={ids.name}
            value={name}
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
            required
          />
          <label htmlFor={ids.track}>Track</label>
          <select
            id={ids.track}
            value={trackId}
            onChange={(e) => setTrackId(e.target.value)}
            disabled={!tracks}
          >
            {(tracks ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.company.name} · {t.role}
              </option>
            ))}
          </select>
          <label htmlFor={ids.round}>Round type</label>
          <select
            id={ids.round}
            value={roundType}
            onChange={(e) => setRoundType(oneOf(ROUND_TYPES, e.target.value) ?? roundType)}
          >
            {ROUND_TYPES.map((t) => (
              <option key={t} value={t}>
                {ROUND_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          <fieldset className="segmented">
            <legend>Preferred role</legend>
            {ROLE_PREFERENCES.map((r) => (
              <label key={r} className={role === r ? 'selected' : undefined}>
                <input
                  type="radio"
                  name="lobby-role"
                  value={r}
                  checked={role === r}
                  onChange={() => setRole(r)}
                />
                {ROLE_CHOICES[r]}
              </label>
            ))}
          </fieldset>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button className="button primary wide" type="submit" disabled={!trackId || entering}>
            Find a partner
          </button>
        </form>
      )}
    </main>
  );
}
