import { type RoomState, ServerEvent } from '@mockloop/shared';
import { participantChannel } from '../lobby/LobbyService.js';
import { redact } from '../logging/redact.js';
import { type ControlDeps, type ControlServer, roomChannel } from './controlTypes.js';
import { pushGrants } from './pushGrants.js';
import { RoomBroadcaster } from './RoomBroadcaster.js';

/** How the control plane reads a room's whole state and sends it to the room. */
export interface RoomStates {
  /** The room's public state now: room, seats, rounds, the call, the server's clock. */
  fullState(roomId: string): Promise<RoomState>;
  /** Sends the state (and, with `brief`, the interviewer's brief) soon, coalesced (P-CTL-3). */
  broadcast(roomId: string, options?: { brief?: boolean }): Promise<void>;
}

export function roomStates(io: ControlServer, deps: ControlDeps): RoomStates {
  const { rooms, interview, views, calls } = deps;
  const fullState = async (roomId: string): Promise<RoomState> => {
    const { state, plan } = await rooms.roomState(roomId);
    return {
      ...state,
      call: calls.members(roomId),
      ...(await views.roundsState(roomId, plan)),
      serverNow: Date.now(),
    };
  };

  /**
   * Sends the room state to everyone, then each local socket whose seat it changed its new
   * documents (P-CTL-6), and the brief to the sockets of the participant who holds the
   * interviewer seat now, read from the store at send time (P-PRIV-2): no socket keeps a right
   * to it from an earlier seat.
   */
  const send = async (roomId: string, brief: boolean) => {
    try {
      const state = await fullState(roomId);
      io.to(roomChannel(roomId)).emit(ServerEvent.RoomState, state);
      pushGrants(io, rooms, roomId, state);
      if (brief) {
        const { interviewerId, brief: data } = await interview.interviewerBrief(roomId);
        if (interviewerId) io.to(participantChannel(interviewerId)).emit(ServerEvent.InterviewerBrief, data);
      }
    } catch (err) {
      deps.log.error({ err, room: redact(roomId) }, 'room broadcast failed');
    }
  };
  // However many events a room gets, its state goes out at most once per 50 ms (P-CTL-3).
  const broadcaster = new RoomBroadcaster(send);
  return {
    fullState,
    broadcast: (roomId, { brief = false } = {}) => broadcaster.request(roomId, brief),
  };
}
