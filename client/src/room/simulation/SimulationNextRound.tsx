import type { SimulationView } from '@mockloop/shared';
import { useState } from 'react';
import type { RoomActions } from '../session/RoomActions';

interface Props {
  /** The plan's next stage, which the server names once the brief has opened (P-SIM-6). */
  stage: NonNullable<SimulationView['nextStage']>;
  actions: Pick<RoomActions, 'nextSimulatedRound'>;
}

/**
 * Between two rounds of a simulated loop: once the candidate has assessed themself and the
 * brief is open, they start the plan's next stage; the simulated interviewer runs it.
 */
export function SimulationNextRound({ stage, actions }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function next() {
    setBusy(true);
    const failed = await actions.nextSimulatedRound();
    setProblem(failed);
    if (failed) setBusy(false);
  }

  return (
    <section className="panel" aria-labelledby="sim-next-heading">
      <h2 id="sim-next-heading" className="panel-title">
        The loop goes on
      </h2>
      <p className="muted small">
        Read the brief as long as you like; the interviewer starts the next stage of the plan when you do.
      </p>
      <button type="button" className="button primary" disabled={busy} onClick={() => void next()}>
        {busy ? 'Starting…' : `Next round: ${stage.label}`}
      </button>
      {problem && (
        <p className="error small" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
