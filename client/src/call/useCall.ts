import type { CallMember, Role } from '@mockloop/shared';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CallChannel } from './CallChannel';
import type { CallSession, CallSnapshot } from './CallSession';

export interface CallControlsApi extends CallSnapshot {
  join(): void;
  leave(): void;
  toggle(kind: 'audio' | 'video'): void;
  pickDevice(kind: 'audio' | 'video', deviceId: string): void;
}

const noop = () => () => {};

/**
 * The room's call for this page: one CallSession per room and person, fed the room state as it
 * changes; null until its code has loaded. Made in an effect (not during render), so React's development double mount cannot
 * leave a destroyed session behind.
 */
export function useCall(
  roomId: string,
  selfId: string,
  channel: CallChannel,
  members: CallMember[],
  participants: Array<{ id: string; role: Role }>,
  connected: boolean,
): CallControlsApi | null {
  const [session, setSession] = useState<CallSession | null>(null);
  useEffect(() => {
    // Loaded apart from the room's first JS (`npm run size`): the session and WebRTC code arrive
    // while the room opens, well before anyone can click Join call.
    let created: CallSession | null = null;
    let cancelled = false;
    void import('./CallSession').then(({ CallSession }) => {
      if (cancelled) return;
      created = new CallSession(roomId, selfId, channel);
      setSession(created);
    });
    return () => {
      cancelled = true;
      created?.destroy();
    };
  }, [roomId, selfId, channel]);

  const roles = useMemo(() => new Map(participants.map((p) => [p.id, p.role])), [participants]);
  useEffect(() => {
    session?.update({ members, roles, connected });
  }, [session, members, roles, connected]);

  const snapshot = useSyncExternalStore(session?.subscribe ?? noop, () => session?.getSnapshot() ?? null);
  return useMemo(() => {
    if (!session || !snapshot) return null;
    return {
      ...snapshot,
      join: () => void session.join(),
      leave: () => void session.leave(),
      toggle: (kind) => void session.toggle(kind),
      pickDevice: (kind, deviceId) => void session.pickDevice(kind, deviceId),
    };
  }, [session, snapshot]);
}
