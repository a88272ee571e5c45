import { type PublicTrack, ROUTES } from '@mockloop/shared';
import type { FormEvent } from 'react';
import { type Practise, PractiseFields } from '../practice/PractiseForm';
import { SimulateLoopButton } from './SimulateLoopButton';
import { planRoundText } from './trackTexts';

/** The track page's "Practise with a peer": the creator's fields, the loop plan and its button. */
export function TrackPractiseCard({ track, practise }: { track: PublicTrack; practise: Practise }) {
  const plan = track.plan ?? [];
  const first = plan[0];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (first) practise.start('loop', { roundType: first.roundType, loopTrackId: track.id });
  }

  return (
    <section className="card practise-card" aria-labelledby="practise-heading">
      <h2 id="practise-heading">Practise with a peer</h2>
      <form onSubmit={onSubmit} noValidate>
        <PractiseFields practise={practise} />
        {first && (
          <>
            <h3 id="plan-heading">The loop plan</h3>
            <ol className="plan-rounds" aria-labelledby="plan-heading">
              {plan.map((round, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the plan is static and ordered; a type may repeat
                <li key={i}>{planRoundText(round)}</li>
              ))}
            </ol>
            <p className="hint">
              One room takes you through every round. Swap seats between rounds so both of you practise.
            </p>
            <button className="button primary wide" type="submit" disabled={practise.busy !== null}>
              {practise.busy === 'loop' ? 'Creating…' : 'Practise this loop'}
            </button>
            <SimulateLoopButton practise={practise} trackId={track.id} />
          </>
        )}
      </form>
      <p className="or">
        No partner yet?{' '}
        <a href={ROUTES.lobby({ trackId: track.id, roundType: first?.roundType ?? 'coding' })}>
          Find a partner for this track
        </a>
      </p>
    </section>
  );
}
