import type { Logger } from '../logging/createLogger.js';
import type { ParticipantRecord } from '../store/Store.js';
import type { ControlDeps, ControlServer, ControlSocket } from './controlTypes.js';
import type { RoomStates } from './roomStates.js';

/** What each group of a socket's event handlers works with. */
export interface SocketContext extends RoomStates {
  io: ControlServer;
  socket: ControlSocket;
  deps: ControlDeps;
  /** This socket's logger: its lines carry the connection id. */
  log: Logger;
  /** The participant this socket joined as, read from the store now (NOT_JOINED before a join). */
  participantNow(): Promise<ParticipantRecord>;
  /** A participant's last connection here closed: once nobody of the room is left, forget its call ids. */
  departed(roomId: string): void;
}
