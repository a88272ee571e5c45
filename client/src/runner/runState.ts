import type { LoadStage } from './sandboxProtocol';
import type { RunResult } from './types';

export interface RunState {
  running: boolean;
  /** What the run waits for (Python's download with its bytes, a place in the server's line). */
  stage: LoadStage | null;
  /** Output of the run in progress, streamed. */
  live: string;
  /** The last hidden-test run, in full, with its shared record's id: kept in this browser only. */
  hidden: { runId: string; result: RunResult } | null;
  /** Why the last server run did not start (busy, over budget, edits not arrived): this person only. */
  notice: string | null;
}

export const IDLE: RunState = { running: false, stage: null, live: '', hidden: null, notice: null };

/** The streamed output kept while a run is in progress; a run printing more is cut off here. */
export const MAX_LIVE_OUTPUT = 200_000;

/** The state with more streamed output, unless the output already reached its cap. */
export function withOutput(state: RunState, text: string): RunState {
  return { ...state, live: state.live.length < MAX_LIVE_OUTPUT ? state.live + text : state.live };
}
