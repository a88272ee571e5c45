import type { RunPlan, RunPlans } from '../runner/runPlans';

interface Props {
  /** Computes the plans at click time, with the editor's text as it is then. */
  plans: () => RunPlans;
  running: boolean;
  onRun(plan: RunPlan): void;
  /** Say on screen why nothing can run (a player on Java, say); observers are told elsewhere. */
  explain?: boolean;
}

/** Run code, Run tests (public cases) and, for the interviewer, Run hidden tests. */
export function RunControls({ plans, running, onRun, explain = false }: Props) {
  const now = plans();
  const start = (pick: (p: RunPlans) => RunPlan | undefined) => {
    const plan = pick(plans());
    if (plan) onRun(plan);
  };
  return (
    <div className="run-controls">
      {/* Said on screen, not only in a tooltip: why a language cannot run here (no toolchain, say). */}
      {explain && now.blocked && !running && (
        <p className="run-blocked" role="note">
          {now.blocked}
        </p>
      )}
      <button
        type="button"
        className="button primary small-button"
        disabled={!now.run || running}
        title={now.blocked ?? 'Ctrl+Enter'}
        onClick={() => start((p) => p.run)}
      >
        {running ? 'Running…' : 'Run code'}
      </button>
      {now.tests && (
        <button
          type="button"
          className="button small-button"
          disabled={running}
          onClick={() => start((p) => p.tests)}
        >
          Run tests
        </button>
      )}
      {now.hidden && (
        <button
          type="button"
          className="button small-button"
          disabled={running}
          title={
            now.hidden.target === 'server'
              ? 'The server runs them from the bank; the room sees only how many passed'
              : 'Their inputs stay in your browser; the room sees only how many passed'
          }
          onClick={() => start((p) => p.hidden)}
        >
          Run hidden tests
        </button>
      )}
    </div>
  );
}
