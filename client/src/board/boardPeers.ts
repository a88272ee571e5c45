import { BOARD_PRESENCE_FIELD, BoardPresence } from '@mockloop/shared';

/** Who a peer is, as the server stamped it into their awareness state (P-ID-3). */
export interface PeerUser {
  id: string;
  name: string;
  color: string;
}

/** Another person on the board: their awareness client id, identity and (parsed) presence. */
export interface BoardPeer {
  clientId: number;
  user: PeerUser;
  presence: BoardPresence | null;
}

export type Viewport = NonNullable<BoardPresence['viewport']>;

function stampedUser(value: unknown): PeerUser | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, color } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof color === 'string'
    ? { id, name, color }
    : null;
}

/**
 * The other people on the board, from the document's awareness states: everyone but me with a
 * server-stamped `user`. A presence that does not parse is treated as none (peers' states are
 * untrusted input), so one bad state never breaks the board.
 */
export function boardPeers(states: ReadonlyMap<number, Record<string, unknown>>, selfClientId: number) {
  const peers: BoardPeer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfClientId) continue;
    const user = stampedUser(state.user);
    if (!user) continue;
    const parsed = BoardPresence.safeParse(state[BOARD_PRESENCE_FIELD]);
    peers.push({ clientId, user, presence: parsed.success ? parsed.data : null });
  }
  return peers;
}

/**
 * The scroll and zoom that show me what the leader sees: the centre of their view at the centre
 * of mine, at their zoom. With viewports of the same size it is exactly their scroll.
 */
export function followViewport(leader: Viewport, mine: { width: number; height: number }) {
  const centreX = -leader.scrollX + leader.width / 2 / leader.zoom;
  const centreY = -leader.scrollY + leader.height / 2 / leader.zoom;
  return {
    scrollX: -(centreX - mine.width / 2 / leader.zoom),
    scrollY: -(centreY - mine.height / 2 / leader.zoom),
    zoom: leader.zoom,
  };
}

/** Names of the peers who follow me, for the "following you" indicator. */
export function followersOf(peers: readonly BoardPeer[], selfClientId: number): string[] {
  return peers.filter((p) => p.presence?.following === selfClientId).map((p) => p.user.name);
}

/** Excalidraw's hash of a collaborator id (clients.ts), which decides the cursor's hue. */
function excalidrawHash(id: string): number {
  let hash = 0;
  // Exactly as Excalidraw computes it: the shift truncates to 32 bits, the rest does not.
  for (let i = 0; i < id.length; i++) hash = (hash << 5) - hash + id.charCodeAt(i);
  return Math.abs(hash);
}

function hueOf(hex: string): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => Number.parseInt(part ?? '0', 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  if (delta === 0) return 0;
  const sector = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  return (sector * 60 + 360) % 360;
}

/**
 * The collaborator id to give Excalidraw for this person. Excalidraw 0.18 colours a cursor, its
 * name label and avatar by a hash of the collaborator id (one of 37 hues), ignoring the colour it
 * is given; this picks a stable id whose hue is the nearest to the person's own colour, so their
 * pointer matches their avatar in the participants list.
 */
export function cursorId(userId: string, color: string): string {
  const hue = hueOf(color);
  if (hue === null) return userId;
  const wanted = Math.round(hue / 10) % 36;
  for (let k = 0; k < 2000; k++) {
    const id = `${userId}~${k}`;
    if (excalidrawHash(id) % 37 === wanted) return id;
  }
  return userId;
}
