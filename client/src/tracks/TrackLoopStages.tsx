import type { PublicTrack } from '@mockloop/shared';
import { Prose } from '../lib/Prose';
import { loopStageText } from './trackTexts';

/** The company's loop as it runs there: each stage, what it takes and what it looks for. */
export function TrackLoopStages({ loop }: { loop: PublicTrack['loop'] }) {
  return (
    <section className="track-loop" aria-labelledby="loop-heading">
      <h2 id="loop-heading">The loop</h2>
      <ol className="loop">
        {loop.map((stage) => (
          <li key={stage.name} className="card">
            <strong>{stage.name}</strong>
            <span className="muted small">{loopStageText(stage)}</span>
            <Prose className="small" text={stage.focus} />
          </li>
        ))}
      </ol>
    </section>
  );
}
