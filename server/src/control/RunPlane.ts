import { ClientEvent, EmptyRequest, ServerEvent, ServerRunRequest } from '@mockloop/shared';
import type { RunService } from '../execution/RunService.js';
import type { Logger } from '../logging/createLogger.js';
import type { ParticipantRecord } from '../store/Store.js';
import type { ControlSocket } from './controlTypes.js';
import { onEvent } from './onEvent.js';

export interface RunPlaneDeps {
  runs: RunService;
  participantNow: () => Promise<ParticipantRecord>;
  /** The socket's client address (behind a trusted proxy, the forwarded one). */
  addressOf: (socket: ControlSocket) => string;
  log: Logger;
}

/**
 * Server runs over the room's control socket (P-SRUN-1): the socket already says who is asking
 * (the seat is read from the store on each request), is rate-limited, reaches the node that
 * serves the room's code document, and lets the server tell the person their place in line and
 * the run's output as it comes. The acknowledgement carries the result.
 */
export function attachRunEvents(socket: ControlSocket, deps: RunPlaneDeps): void {
  onEvent(
    socket,
    ClientEvent.RunRequest,
    ServerRunRequest,
    async (request) => {
      const participant = await deps.participantNow();
      return deps.runs.request(participant, request, deps.addressOf(socket), (progress) => {
        socket.emit(ServerEvent.RunProgress, progress);
      });
    },
    deps.log,
  );
  onEvent(socket, ClientEvent.RunLanguages, EmptyRequest, async () => deps.runs.languages(), deps.log);
}
