import { CaptureUpdateAction } from '@excalidraw/excalidraw';
import type { AppState, ExcalidrawImperativeAPI, SocketId } from '@excalidraw/excalidraw/types';
import { type BoardPeer, followViewport } from './boardPeers';

/**
 * Follow mode: keeps my viewport on the leader's (the peer Excalidraw says I follow). It moves my
 * view only when the leader's view changed, so my own scrolling is not fought between their moves.
 */
export class LeaderFollower {
  /** The leader's last applied viewport, as a comparable key. */
  private leaderView: string | null = null;

  constructor(private readonly api: ExcalidrawImperativeAPI) {}

  /** Puts my viewport where the leader's is (if I follow someone and they moved). */
  follow(peers: readonly BoardPeer[]) {
    const target = this.api.getAppState().userToFollow?.socketId;
    const leader = target ? peers.find((p) => String(p.clientId) === target) : undefined;
    const view = leader?.presence?.viewport;
    if (!view) return;
    const key = `${view.scrollX},${view.scrollY},${view.zoom},${view.width},${view.height}`;
    if (key === this.leaderView) return;
    this.leaderView = key;
    const { width, height } = this.api.getAppState();
    const next = followViewport(view, { width, height });
    this.api.updateScene({
      appState: {
        scrollX: next.scrollX,
        scrollY: next.scrollY,
        zoom: { value: next.zoom as AppState['zoom']['value'] },
      },
      captureUpdate: CaptureUpdateAction.NEVER,
    });
  }

  /** A new leader (or none): the next follow applies their view even if it equals the last one. */
  restart() {
    this.leaderView = null;
  }
}

/**
 * Follow this peer, or stop if I already follow them. Excalidraw owns whom I follow (it also stops
 * on my scroll or zoom); its onUserFollow event tells the board.
 */
export function toggleFollowOf(api: ExcalidrawImperativeAPI, peer: BoardPeer) {
  const current = api.getAppState().userToFollow?.socketId;
  const socketId = String(peer.clientId) as SocketId;
  api.updateScene({
    appState: { userToFollow: current === socketId ? null : { socketId, username: peer.user.name } },
  });
}
