import type { DocProblem } from '../docs/docCloseMessages';

/** Says why a shared document stopped syncing, with a way to try again when that can help. */
export function DocProblemBanner({
  problem,
  onReconnect,
}: {
  problem: DocProblem | null;
  onReconnect: () => void;
}) {
  if (!problem) return null;
  return (
    <div className="doc-problem" role="alert">
      <span>{problem.message}</span>
      {problem.canRetry && (
        <button type="button" className="secondary" onClick={onReconnect}>
          Reconnect
        </button>
      )}
    </div>
  );
}
