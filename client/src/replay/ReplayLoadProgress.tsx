import type { Replay } from './Replay';

/** How much of a replay still loading has arrived, or why the rest did not. */
export function ReplayLoadProgress({ replay }: { replay: Replay }) {
  return (
    <p className="replay-progress small muted" role="status">
      {replay.error ? (
        <span className="error">The rest of the replay could not load: {replay.error}</span>
      ) : (
        <>
          Loading the replay: {replay.loadedRows.toLocaleString()} of {replay.totalRows.toLocaleString()}{' '}
          changes{' '}
          <progress aria-label="Replay loaded" max={replay.totalRows || 1} value={replay.loadedRows} />
        </>
      )}
    </p>
  );
}
