import type { LoopView } from '@mockloop/shared';

/**
 * Where the pair is in the loop they follow: every stage in order, the one being played marked
 * (`aria-current`), those played in full colour, the rest dimmed, and what comes next.
 */
export function LoopProgress({ loop }: { loop: LoopView }) {
  const total = loop.stages.length;
  const status =
    // A stage, not a round: the pair may take the plan in another order, or add rounds.
    loop.current !== null
      ? `Stage ${loop.current + 1} of ${total}`
      : loop.next === null
        ? 'Loop complete'
        : 'An extra round';
  return (
    <nav className="loop-progress" aria-label="Loop plan">
      <span className="loop-title">
        {loop.title} loop · <strong>{status}</strong>
      </span>
      <ol>
        {loop.stages.map((stage, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a plan's stages are fixed for the room's life
            key={i}
            className={i === loop.current ? 'current' : loop.played.includes(i) ? 'done' : ''}
            aria-current={i === loop.current ? 'step' : undefined}
          >
            {stage.label} <span className="muted">{stage.minutes} min</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
