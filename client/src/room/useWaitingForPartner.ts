import type { RoomState, SimulationView } from '@mockloop/shared';
import { useState } from 'react';
import { storage } from '../lib/storage';

/**
 * Whether this person waits for a partner, and whom the lobby matched them with. Alone in the room
 * (as far as this browser can tell), the invite comes first, in the workspace, until hidden. A
 * solo room is never waiting for anyone: its interviewer is the server.
 */
export function useWaitingForPartner(
  room: RoomState,
  selfId: string,
  simulation: SimulationView | null,
  controlConnected: boolean,
) {
  const alone =
    !simulation && controlConnected && !room.participants.some((p) => p.id !== selfId && p.online);
  const [waitingHidden, setWaitingHidden] = useState(false);
  const [match, setMatch] = useState(() => storage.matched(room.roomId));
  const dismissMatch = () => {
    storage.setMatched(room.roomId, null);
    setMatch(null);
  };
  const waitingShown = alone && !waitingHidden;
  return {
    alone,
    match,
    dismissMatch,
    /** What the workspace's waiting card shows, while it shows. */
    waiting: waitingShown
      ? { matchedWith: match?.partner ?? null, hide: () => setWaitingHidden(true) }
      : null,
    /** The side panel's invite, while the waiting card (which has its own) does not show. */
    showInvite: !waitingShown && !simulation,
  };
}
