import { type LobbyStatus, ROUND_TYPE_LABELS, type RolePreference, type RoundType } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { formatDuration } from '../../lib/time';
import { BrandLink } from '../../ui/BrandLink';
import { ROLE_CHOICES } from './roleChoices';

interface Props {
  waiting: Extract<LobbyStatus, { state: 'waiting' }>;
  roundType: RoundType;
  role: RolePreference;
  onLeave(): void;
}

/** Waiting in the queue: my place in line and how long I have waited, counted every second. */
export function LobbyWaitCard({ waiting, roundType, role, onLeave }: Props) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  return (
    <section className="card narrow lobby-wait" aria-labelledby="lobby-wait-heading">
      <BrandLink />
      <h1 id="lobby-wait-heading">Looking for a practice partner…</h1>
      <div role="status" className="lobby-status">
        <span className="pulse" aria-hidden="true" />
        You are #{waiting.position} in line · {waiting.waiting} waiting ·{' '}
        {formatDuration(now - waiting.since)}
      </div>
      <p className="muted small">
        {ROUND_TYPE_LABELS[roundType]} round as {ROLE_CHOICES[role].toLowerCase()}. Keep this tab open: you
        will move into a room as soon as someone compatible arrives.
      </p>
      <button type="button" className="button wide" onClick={onLeave}>
        Leave the queue
      </button>
    </section>
  );
}
