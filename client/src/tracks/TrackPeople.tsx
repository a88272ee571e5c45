import type { PublicTrack } from '@mockloop/shared';
import { Prose } from '../lib/Prose';
import type { Practise } from '../practice/PractiseForm';

/** Who the candidate will meet (each can be simulated) and the company's unwritten rules. */
export function TrackPeople({ track, practise }: { track: PublicTrack; practise: Practise }) {
  return (
    <section className="track-columns">
      <div>
        <h2>Who you will meet</h2>
        {track.personas.map((persona) => (
          <p key={persona.id}>
            <strong>{persona.name}</strong> <span className="muted">({persona.title})</span>: {persona.focus}{' '}
            <button
              type="button"
              className="button small-button"
              aria-label={`Simulate an interview with ${persona.name}`}
              disabled={practise.busy !== null}
              onClick={() =>
                practise.simulate(`sim-${persona.id}`, { trackId: track.id, personaId: persona.id })
              }
            >
              {practise.busy === `sim-${persona.id}` ? 'Creating…' : 'Simulate'}
            </button>
          </p>
        ))}
        <p className="muted small">
          Simulate: practise alone, as the candidate, with the server playing this interviewer (it keeps time,
          asks follow-ups, gives hints when you ask). Uses your name from Practise with a peer.
        </p>
      </div>
      <div>
        <h2>Unwritten rules</h2>
        {track.unwrittenRules.map((rule) => (
          <div key={rule.title}>
            <strong>{rule.title}</strong>
            <Prose className="small" text={rule.description} />
          </div>
        ))}
      </div>
    </section>
  );
}
