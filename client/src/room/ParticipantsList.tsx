import { type ParticipantView, ROLE_LABELS } from '@mockloop/shared';

const ROLE_ORDER = { interviewer: 0, candidate: 1, observer: 2 } as const;

export function ParticipantsList({
  participants,
  selfId,
  live = true,
}: {
  participants: ParticipantView[];
  selfId: string;
  /** Whether this browser hears the room now: while it does not, nobody's presence is known. */
  live?: boolean;
}) {
  const sorted = [...participants].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return (
    <section className="panel" aria-labelledby="participants-heading">
      <h2 id="participants-heading">Participants</h2>
      <ul aria-label="Participants" className="participants">
        {sorted.map((p) => {
          const heard = p.online ? (p.away ? 'away' : 'online') : 'offline';
          const state = live ? heard : p.id === selfId ? 'offline' : 'unknown';
          return (
            <li key={p.id} className={state}>
              <span className="avatar" style={{ background: p.color }} aria-hidden="true">
                {p.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="who">
                <span className="name">
                  {p.name}
                  {p.id === selfId && <span className="you"> (you)</span>}
                </span>
                <span className="role">{ROLE_LABELS[p.role]}</span>
              </span>
              <span className={`presence ${state}`}>{state}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
