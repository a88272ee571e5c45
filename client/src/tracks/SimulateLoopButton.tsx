import type { Practise } from '../practice/PractiseForm';

/**
 * "Simulate the loop" beside the track's loop plan (P-SIM-6): alone, as the candidate, the server
 * plays the interviewer through every round of the plan, one after another.
 */
export function SimulateLoopButton({ practise, trackId }: { practise: Practise; trackId: string }) {
  return (
    <>
      <button
        type="button"
        className="button wide"
        disabled={practise.busy !== null}
        onClick={() => practise.simulate('sim-loop', { trackId, loop: true })}
      >
        {practise.busy === 'sim-loop' ? 'Creating…' : 'Simulate the loop'}
      </button>
      <p className="hint">
        Alone: a simulated interviewer runs each round of the plan in turn; after each round you assess
        yourself, read the brief, then start the next.
      </p>
    </>
  );
}
