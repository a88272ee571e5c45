import { CallRegistry } from '../call/CallRegistry.js';
import { type IceSettings, NO_ICE_SERVERS } from '../call/iceServers.js';
import { attachControlPlane, type ControlServer } from '../control/ControlPlane.js';
import { attachLobbyPlane, socketNotifier } from '../control/LobbyPlane.js';
import type { RunService } from '../execution/RunService.js';
import type { InterviewService } from '../interview/InterviewService.js';
import { RoundViews } from '../interview/RoundViews.js';
import type { SeenQuestions } from '../interview/SeenQuestions.js';
import { clientAddress } from '../limits/clientAddress.js';
import { LobbyService, participantChannel } from '../lobby/LobbyService.js';
import { lobbyRound } from '../rooms/lobbyRound.js';
import type { RoundService } from '../rounds/RoundService.js';
import type { SimulationService } from '../simulation/SimulationService.js';
import type { CoreServices } from './coreServices.js';

export interface RoomPlaneServices {
  interview: InterviewService;
  rounds: RoundService;
  runs: RunService;
  /** Solo rooms' simulated interviewers (P-SIM-1..5). */
  simulation?: SimulationService;
  /** What each person's browser has seen (P-SEEN-1), kept from their joins for the brief. */
  seen?: SeenQuestions;
  ice?: IceSettings;
  /** How long a matched person has to open the room. */
  lobbyArrivalMs?: number;
}

/**
 * The room's and the lobby's events on the control server. The lobby hears when a matched
 * person arrives in (or leaves) a room, so it is made here, beside the plane that tells it.
 */
export function attachRoomPlanes(io: ControlServer, core: CoreServices, services: RoomPlaneServices) {
  const { store, bank, rooms, presence, activity, cluster, limits, metrics, trust, log } = core;
  const addressOf = (socket: { request: Parameters<typeof clientAddress>[0] }) =>
    clientAddress(socket.request, trust);
  const lobby = new LobbyService(
    cluster.waitingQueue,
    cluster.pendingMatches,
    rooms,
    () => bank.tracks.map((t) => t.id),
    socketNotifier(io),
    {
      arrivalMs: services.lobbyArrivalMs,
      onError: (err) => log.error({ err }, 'lobby arrival window failed'),
      roomStart: (trackId, roundType, seen) => lobbyRound(bank, trackId, roundType, undefined, seen),
    },
  );
  const control = attachControlPlane(io, {
    simulation: services.simulation,
    seen: services.seen,
    views: new RoundViews(store, bank),
    runs: { runs: services.runs, addressOf },
    rooms,
    interview: services.interview,
    rounds: services.rounds,
    presence,
    calls: new CallRegistry(),
    ice: services.ice ?? NO_ICE_SERVERS,
    log,
    onActivity: (roomId) => activity.touch(roomId),
    onArrive: (participant) => {
      lobby.arrived(participant.id).catch((err) => log.error({ err }, 'lobby arrival failed'));
    },
    onDepart: (participantId) => {
      lobby.leave(participantChannel(participantId)).catch((err) => log.error({ err }, 'lobby leave failed'));
    },
  });
  attachLobbyPlane(
    io,
    lobby,
    {
      limiter: cluster.limiter('lobby', limits.lobbyEntriesPerIpPerHour, 3600),
      onRefused: () => metrics.refusals.inc({ limit: 'lobby_entries_per_ip' }),
      addressOf,
    },
    log,
  );
  return { lobby, broadcast: control.broadcast };
}
