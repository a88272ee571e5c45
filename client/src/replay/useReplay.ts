import { useEffect, useState, useSyncExternalStore } from 'react';
import { loadReplay } from './loadReplay';
import type { Replay } from './Replay';

export type ReplayState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; replay: Replay };

/** Loads started before their round's section mounted (see `preloadReplay`), by room and round. */
const preloaded = new Map<string, Promise<Replay>>();

const start = (roomId: string, round: number, secret: string) => loadReplay(roomId, round, secret);

/**
 * Starts loading a round's replay now, before the page knows it will show it: the report page
 * starts round 1's while it fetches the report itself.
 */
export function preloadReplay(roomId: string, round: number, secret: string): void {
  const key = `${roomId}/${round}`;
  if (!preloaded.has(key)) preloaded.set(key, start(roomId, round, secret));
}

/**
 * One round's replay: loading until its info is in, then ready (its rows keep arriving; see
 * Replay.loadedUntil). Frees its documents when the round leaves the page.
 */
export function useReplay(roomId: string, round: number, secret: string): ReplayState {
  const [state, setState] = useState<ReplayState>({ status: 'loading' });
  useEffect(() => {
    const key = `${roomId}/${round}`;
    const loading = preloaded.get(key) ?? start(roomId, round, secret);
    preloaded.delete(key);
    let current = true;
    let loaded: Replay | null = null;
    loading.then(
      (replay) => {
        loaded = replay;
        if (current) setState({ status: 'ready', replay });
        else replay.destroy();
      },
      (err: Error) => current && setState({ status: 'error', message: err.message }),
    );
    return () => {
      current = false;
      loaded?.destroy();
    };
  }, [roomId, round, secret]);
  return state;
}

/** Re-renders whenever more of the replay has arrived; answers its version. */
export function useReplayVersion(replay: Replay): number {
  return useSyncExternalStore(replay.subscribe, () => replay.version);
}
