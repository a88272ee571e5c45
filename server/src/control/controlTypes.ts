import type { ClientToServerEvents, ServerToClientEvents } from '@mockloop/shared';
import type { Server, Socket } from 'socket.io';
import type { CallRegistry } from '../call/CallRegistry.js';
import type { IceSettings } from '../call/iceServers.js';
import type { RunService } from '../execution/RunService.js';
import type { InterviewService } from '../interview/InterviewService.js';
import type { RoundViews } from '../interview/RoundViews.js';
import type { SeenQuestions } from '../interview/SeenQuestions.js';
import type { Logger } from '../logging/createLogger.js';
import type { Presence } from '../rooms/Presence.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { RoundService } from '../rounds/RoundService.js';
import type { SimulationService } from '../simulation/SimulationService.js';
import type { ParticipantRecord } from '../store/Store.js';

/** Who a socket speaks for: set only by a successful join. The record is re-read on every event. */
export interface SocketData {
  roomId?: string;
  participantId?: string;
  /** Set once the socket entered the lobby: it has a reason to stay connected without a room. */
  inLobby?: boolean;
  /** The browser tab's id from its join: its document client ids derive from it. */
  tab?: string;
  /** The round and seat of the grants this socket last got (P-CTL-6). */
  grantsKey?: string;
}

export type ControlServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type ControlSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** Socket.IO room name for everyone in an interview room. */
export const roomChannel = (roomId: string) => `room:${roomId}`;

export interface ControlDeps {
  rooms: RoomService;
  interview: InterviewService;
  /** What everyone sees of the rounds, for `room:state`. */
  views: RoundViews;
  rounds: RoundService;
  presence: Presence;
  /** Who is in each room's call. */
  calls: CallRegistry;
  /** ICE servers and TURN credentials for the call. */
  ice: IceSettings;
  /** Server runs (Java, C++, Go, Python + numpy), when this node offers them. */
  runs?: {
    runs: RunService;
    /** The socket's client address (behind a trusted proxy, the forwarded one). */
    addressOf: (socket: ControlSocket) => string;
  };
  /** What each person's browser has seen (P-SEEN-1), kept from their joins for the brief. */
  seen?: SeenQuestions;
  /** Solo rooms' simulated interviewers (P-SIM-1..5). */
  simulation?: SimulationService;
  /** Called when a participant arrives in a room (the lobby waits for both of a match). */
  onArrive?: (participant: ParticipantRecord) => void;
  /** Called when a participant's last connection to a room closes. */
  onDepart?: (participantId: string) => void;
  /** Called on every join and room event (room expiry counts from the last). */
  onActivity?: (roomId: string) => void;
  log: Logger;
}
