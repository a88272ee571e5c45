import { type ParticipantView, ROUND_TYPE_LABELS, ROUTES, type RoundSummary } from '@mockloop/shared';

/** Every round of the room so far, each with who interviewed whom, and the way to the report. */
export function RoundsList({
  roomId,
  rounds,
  participants,
}: {
  roomId: string;
  rounds: RoundSummary[];
  participants: ParticipantView[];
}) {
  const name = (id: string | null) => participants.find((p) => p.id === id)?.name ?? '—';
  return (
    <section className="rounds-list" aria-label="Rounds">
      <h2 className="panel-title">Rounds</h2>
      <ol>
        {rounds.map((r) => (
          <li key={r.number}>
            <strong>Round {r.number}</strong> · {ROUND_TYPE_LABELS[r.roundType]} ·{' '}
            {r.title ?? 'question not revealed'}
            <span className="muted small">
              {' '}
              — {name(r.interviewerId)} interviews {name(r.candidateId)}
              {r.endedAt ? ' · ended' : ''}
            </span>
          </li>
        ))}
      </ol>
      <a href={`${ROUTES.room(roomId)}/report`}>Report</a>
    </section>
  );
}
