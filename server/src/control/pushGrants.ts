import { type RoomState, ServerEvent, seatOf } from '@mockloop/shared';
import type { RoomService } from '../rooms/RoomService.js';
import { type ControlServer, roomChannel } from './controlTypes.js';

/**
 * After a room state goes out, gives each of this node's sockets in the room whose person it
 * shows in another round or seat than the socket's last grants the documents to open now
 * (P-CTL-6): a swap or the next round then costs no join. Sockets on other nodes (rare: the
 * balancer sends a room's sockets to its owner, P-NODE-2) ask for theirs with `room:documents`.
 */
export function pushGrants(io: ControlServer, rooms: RoomService, roomId: string, state: RoomState): void {
  const ids = io.sockets.adapter.rooms.get(roomChannel(roomId));
  if (!ids) return;
  for (const id of ids) {
    const socket = io.sockets.sockets.get(id);
    const participant = state.participants.find((p) => p.id === socket?.data.participantId);
    if (!socket || !participant || socket.data.roomId !== roomId) continue;
    const key = grantsKey({ round: state.round.number, role: seatOf(state.round, participant.id) });
    if (socket.data.grantsKey === key) continue;
    socket.data.grantsKey = key;
    socket.emit(
      ServerEvent.DocumentGrants,
      rooms.grants({ ...participant, roomId }, state.round, socket.data.tab),
    );
  }
}

/** Which round and seat a socket's grants are for. */
export function grantsKey(grants: { round: number; role: string }): string {
  return `${grants.round}:${grants.role}`;
}
