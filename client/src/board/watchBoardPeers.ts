import { type BoardPeer, boardPeers } from './boardPeers';

/** The part of a y-protocols Awareness the peer watcher needs. */
export interface PeerAwareness {
  getStates(): Map<number, unknown>;
  on(event: 'change', listener: (change: AwarenessChange) => void): void;
  off(event: 'change', listener: (change: AwarenessChange) => void): void;
}

type AwarenessChange = Partial<Record<'added' | 'updated' | 'removed', number[]>>;

/** The other people on the board now. */
export function currentBoardPeers(awareness: PeerAwareness, selfClientId: number): BoardPeer[] {
  return boardPeers(awareness.getStates() as Map<number, Record<string, unknown>>, selfClientId);
}

/**
 * Calls `onPeers` with the peer list now and whenever a peer's awareness changes. Changes to my own
 * state only (every pointer move I make) are skipped: they change nothing I show.
 * Returns the function that stops watching.
 */
export function watchBoardPeers(
  awareness: PeerAwareness,
  selfClientId: number,
  onPeers: (peers: BoardPeer[]) => void,
): () => void {
  const onChange = ({ added, updated, removed }: AwarenessChange) => {
    const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
    if (changed.every((id) => id === selfClientId)) return;
    onPeers(currentBoardPeers(awareness, selfClientId));
  };
  awareness.on('change', onChange);
  onChange({ added: [...awareness.getStates().keys()] });
  return () => awareness.off('change', onChange);
}
