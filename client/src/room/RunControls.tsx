import type { RunPlan, RunPlans } from '../runner/runPlans';

interface Props {
  /** Computes the plans at click time, with the editor's text as it is then. */
  plans: () => RunPlans;
  running: boolean;
  onRun(plan: RunPlan): void;
}

/** Run code, Run tests (public cases) and, for the interviewer, Run hidden tests. */
export function RunControls({ plans, running, onRun }: Props) {
  const now = plans();
  const start = (pick: (p: RunPlans) => RunPlan | undefined) => {
    const plan = pick(plans());
    if (plan) onRun(plan);
  };
  return (
    <div className="run-controls">
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
          title="Their inputs stay in your browser; the room sees only how many passed"
          onClick={() => start((p) => p.hidden)}
        >
          Run hidden tests
        </button>
      )}
    </div>
  );
}
