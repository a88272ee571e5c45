import {
  type Ack,
  ClientEvent,
  type ClientToServerEvents,
  type JoinResult,
  type Language,
  type RoomState,
  type RoomSummary,
  ServerEvent,
  type ServerToClientEvents,
} from '@mockloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { fetchRoom } from '../lib/api';
import { storage } from '../lib/storage';

type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Session =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'needs-name'; summary: RoomSummary; error?: string }
  | { status: 'joining'; summary: RoomSummary }
  | { status: 'joined'; join: JoinResult; room: RoomState }
  | { status: 'error'; message: string };

const ACK_TIMEOUT_MS = 8000;
const RETRY_MS = 2000;

/**
 * The control-plane session of one room: loads the room, joins with the stored secret (or asks
 * for a name), keeps the room state current, and re-joins after every reconnect so a server
 * restart or a network drop heals by itself.
 */
export function useRoomSession(roomId: string) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [connected, setConnected] = useState(false);
  const socketRef = useRef<ControlSocket | null>(null);
  const pendingName = useRef<string | undefined>(undefined);
  const summaryRef = useRef<RoomSummary | null>(null);

  const join = useCallback(async () => {
    const socket = socketRef.current;
    const summary = summaryRef.current;
    if (!socket || !summary) return;
    const secret = storage.secret(roomId) ?? undefined;
    let ack: Ack<JoinResult>;
    try {
      ack = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck(ClientEvent.Join, { roomId, secret, name: pendingName.current });
    } catch {
      return; // no answer: the next 'connect' tries again
    }
    if (ack.ok) {
      pendingName.current = undefined;
      storage.setSecret(roomId, ack.data.secret);
      setSession({ status: 'joined', join: ack.data, room: ack.data.room });
      return;
    }
    if (ack.error.code === 'NOT_FOUND') {
      setSession({ status: 'not-found' });
    } else if (ack.error.code === 'NOT_JOINED' || ack.error.code === 'BAD_REQUEST') {
      storage.forgetSecret(roomId);
      pendingName.current = undefined;
      setSession({ status: 'needs-name', summary, error: secret ? undefined : ack.error.message });
    } else {
      setSession({ status: 'error', message: ack.error.message });
    }
  }, [roomId]);

  const connect = useCallback(() => {
    if (socketRef.current) {
      void join();
      return;
    }
    // WebSocket only: no long-polling fallback, so no sticky sessions are needed behind a balancer.
    const socket: ControlSocket = io({ transports: ['websocket'] });
    socketRef.current = socket;
    socket.on('connect', () => {
      setConnected(true);
      void join();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on(ServerEvent.RoomState, (room) => {
      setSession((s) => (s.status === 'joined' ? { ...s, room } : s));
    });
  }, [join]);

  useEffect(() => {
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchRoom(roomId).then(
        (summary) => {
          if (cancelled) return;
          if (!summary) {
            setSession({ status: 'not-found' });
            return;
          }
          summaryRef.current = summary;
          if (storage.secret(roomId)) {
            setSession({ status: 'joining', summary });
            connect();
          } else {
            setSession({ status: 'needs-name', summary });
          }
        },
        (err: Error) => {
          if (cancelled) return;
          // The server may be restarting: say so and keep trying rather than giving up.
          setSession({ status: 'error', message: `${err.message} Retrying…` });
          retry = setTimeout(load, RETRY_MS);
        },
      );
    void load();
    return () => {
      cancelled = true;
      clearTimeout(retry);
      socketRef.current?.disconnect();
      socketRef.current = null;
    };
  }, [roomId, connect]);

  const joinWithName = useCallback(
    (name: string) => {
      const summary = summaryRef.current;
      if (!summary) return;
      pendingName.current = name;
      storage.setName(name);
      setSession({ status: 'joining', summary });
      connect();
    },
    [connect],
  );

  const setLanguage = useCallback(async (language: Language) => {
    const socket = socketRef.current;
    if (!socket) return 'Not connected';
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.SetLanguage, { language });
      return ack.ok ? null : ack.error.message;
    } catch {
      return 'The server did not answer; try again.';
    }
  }, []);

  const setAway = useCallback((away: boolean) => {
    socketRef.current?.emit(ClientEvent.Presence, { away }, () => {});
  }, []);

  return { session, connected, joinWithName, setLanguage, setAway };
}
