import { ROUTES } from '@mockloop/shared';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import { fetchRoom } from '../lib/api';
import { navigate } from '../lib/router';
import { clock } from '../lib/serverClock';
import { storage } from '../lib/storage';
import { TAB_ID } from '../lib/tabId';
import { ActionSender } from './session/ActionSender';
import { ControlClient, type ControlSocket } from './session/ControlClient';
import { roomActions } from './session/RoomActions';

export type { Session } from './session/ControlClient';

/** One room's control session for as long as the page shows the room (see ControlClient). */
function openSession(roomId: string) {
  const client = new ControlClient({
    roomId,
    tab: TAB_ID,
    // WebSocket only: no long-polling fallback, so no sticky sessions are needed behind a
    // balancer. The room id in the query lets the balancer send it to the node that serves the
    // room's documents (P-NODE-2).
    openSocket: (): ControlSocket => io({ transports: ['websocket'], query: { room: roomId } }),
    fetchRoom,
    memory: storage,
    onServerTime: (serverNow) => clock.sync(serverNow),
    onMatched: (match) => navigate(ROUTES.room(match.roomId)),
  });
  const sender = new ActionSender(client);
  return { client, sender, actions: roomActions(client, sender, () => storage.author()) };
}

/**
 * The room page's view of its control session: the snapshot to render, the actions, and what
 * waits for the connection. The session lives from mount to unmount, one per room id.
 */
export function useRoomSession(roomId: string) {
  const { client, sender, actions } = useMemo(() => openSession(roomId), [roomId]);
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const { session, connected, brief, lobby, simulation } = useSyncExternalStore(
    client.subscribe,
    () => client.snapshot,
  );
  const offline = useSyncExternalStore(sender.subscribe, () => sender.offline);
  return {
    session,
    connected,
    brief,
    lobby,
    simulation,
    joinWithName: (name: string) => client.joinWithName(name),
    actions,
    offline: { ...offline, dismissNotSent: sender.dismissNotSent },
  };
}
