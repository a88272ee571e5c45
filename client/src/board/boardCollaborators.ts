import type { Collaborator, SocketId } from '@excalidraw/excalidraw/types';
import { type BoardPeer, cursorId } from './boardPeers';

/** Peers as Excalidraw collaborators: cursor, name label, laser trail and selection in their colour. */
export function toCollaborators(peers: readonly BoardPeer[]): Map<SocketId, Collaborator> {
  const map = new Map<SocketId, Collaborator>();
  for (const { clientId, user, presence } of peers) {
    const socketId = String(clientId) as SocketId;
    map.set(socketId, {
      id: cursorId(user.id, user.color),
      socketId,
      username: user.name,
      color: { background: user.color, stroke: user.color },
      pointer: presence?.pointer ? { ...presence.pointer, laserColor: user.color } : undefined,
      button: presence?.button ?? 'up',
      selectedElementIds: Object.fromEntries((presence?.selectedElementIds ?? []).map((id) => [id, true])),
    });
  }
  return map;
}

/**
 * What React needs to know about the peers: who is here and whom they follow. Pointers move 30
 * times a second and are left out, so a moving pointer does not re-render the page.
 */
export function peerListSignature(peers: readonly BoardPeer[]): string {
  return peers
    .map((p) => `${p.clientId}:${p.user.id}:${p.user.name}:${p.user.color}:${p.presence?.following}`)
    .join('|');
}
