import type {
  Ack,
  RunnerAvailability,
  ServerRunProgress,
  ServerRunRequest,
  ServerRunResult,
} from '@mockloop/shared';

/** What the room's runner needs of the control socket for server runs (P-SRUN-1, P-SRUN-6). */
export interface ServerRunChannel {
  /** Asks the server to run the round's code; progress arrives while it waits and runs. */
  request(
    payload: ServerRunRequest,
    onProgress: (progress: ServerRunProgress) => void,
  ): Promise<Ack<ServerRunResult> | string>;
  /** Which server languages can run here, and why not. */
  languages(): Promise<RunnerAvailability | null>;
}
