import {
  ClientEvent,
  type ClientToServerEvents,
  type LobbyStatus,
  ROUTES,
  ServerEvent,
  type ServerToClientEvents,
} from '@mockloop/shared';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { navigate } from '../../lib/router';
import { storage } from '../../lib/storage';
import type { LobbyChoice } from './lobbyChoice';

/** How long to wait for the server to answer entering or leaving the queue. */
const ANSWER_MS = 8000;

/**
 * The lobby's queue over its own socket: enter with a choice, hear my place in line, and on a
 * match store the room's secret and move into the room. Closing the page leaves the queue.
 */
export function useLobbyQueue() {
  const [status, setStatus] = useState<LobbyStatus | null>(null);
  const [entering, setEntering] = useState(false);
  const socket = useRef<Socket<ServerToClientEvents, ClientToServerEvents> | null>(null);

  useEffect(
    () => () => {
      socket.current?.disconnect();
    },
    [],
  );

  /** Enters the queue (the name already checked); resolves to why it failed, or null. */
  async function enter(choice: LobbyChoice): Promise<string | null> {
    const s = socket.current ?? io({ transports: ['websocket'] });
    socket.current = s;
    s.off();
    s.on(ServerEvent.LobbyStatus, setStatus);
    s.on(ServerEvent.LobbyMatched, (match) => {
      storage.setSecret(match.roomId, match.secret);
      storage.setMatched(match.roomId, { partner: match.partnerName, role: match.role });
      navigate(ROUTES.room(match.roomId));
    });
    s.on('disconnect', () => setStatus(null));
    setEntering(true);
    const ack = await s
      .timeout(ANSWER_MS)
      .emitWithAck(ClientEvent.LobbyEnter, { ...choice, person: storage.person(), seen: storage.seen() })
      .catch(() => null);
    setEntering(false);
    if (!ack) return 'The server did not answer; try again.';
    if (!ack.ok) return ack.error.message;
    if (ack.data.state === 'waiting') setStatus(ack.data);
    return null;
  }

  async function leave() {
    await socket.current
      ?.timeout(ANSWER_MS)
      .emitWithAck(ClientEvent.LobbyLeave, {})
      .catch(() => null);
    setStatus(null);
  }

  const waiting = status?.state === 'waiting' ? status : null;
  return { waiting, entering, enter, leave };
}
