import { CaptureUpdateAction } from '@excalidraw/excalidraw';
import type { AppState, Collaborator, ExcalidrawImperativeAPI, SocketId } from '@excalidraw/excalidraw/types';
import { BOARD_DOC, BOARD_PRESENCE_FIELD, type BoardPresence } from '@mockloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SharedDocHandle } from '../docs/useSharedDoc';
import { BoardBinding } from './BoardBinding';
import { BoardFileLoader } from './boardFiles';
import { type BoardPeer, boardPeers, cursorId, followViewport } from './boardPeers';
import { type BoardElement, excalidrawScene } from './excalidrawScene';
import { PresencePublisher } from './PresencePublisher';
import { useSceneReady } from './useSceneReady';

type Pointer = NonNullable<BoardPresence['pointer']>;

export interface BoardSync {
  /** The other people on the board. */
  peers: BoardPeer[];
  /** My awareness client id (peers who follow me name it). */
  selfClientId: number | null;
  /** The peer I follow (by awareness client id), if any. */
  following: number | null;
  /** Follow this peer, or stop following them. */
  toggleFollow(peer: BoardPeer): void;
  /** Feed Excalidraw's onPointerUpdate here. */
  onPointer(pointer: Pointer, button: 'up' | 'down'): void;
  /** The pointer left the board. */
  onPointerLeave(): void;
}

interface Options {
  roomId: string;
  secret: string;
  /** Show the board without ever writing to its document (observers, a frozen board). */
  readOnly: boolean;
}

/**
 * Connects a mounted Excalidraw to the board document: elements through BoardBinding, images
 * through BoardFileLoader, and presence through awareness: my pointer, laser, selection and
 * viewport out (30 Hz at most); peers' pointers and selections in as Excalidraw collaborators;
 * and follow mode, which keeps my viewport on the leader's until I scroll, zoom or draw.
 */
export function useBoardSync(
  api: ExcalidrawImperativeAPI | null,
  handle: SharedDocHandle | null,
  { roomId, secret, readOnly }: Options,
): BoardSync {
  const [peers, setPeers] = useState<BoardPeer[]>([]);
  const [following, setFollowing] = useState<number | null>(null);
  const publisher = useRef<PresencePublisher | null>(null);
  // The binding starts once Excalidraw's own scene is set up.
  const loaded = useSceneReady(api);

  useEffect(() => {
    if (!api || !handle || !loaded) return;
    const { doc, provider } = handle;
    const awareness = provider.awareness;
    const files = new BoardFileLoader(api, roomId, secret);
    const binding = new BoardBinding(doc.getMap<BoardElement>(BOARD_DOC.elements), excalidrawScene(api), {
      onRemote: (elements) => files.load(elements),
      readOnly,
    });
    files.load(api.getSceneElementsIncludingDeleted());
    const presence = new PresencePublisher(awareness);
    publisher.current = presence;
    let leaderView: string | null = null;
    let peersSeen = '';

    /** Puts my viewport where the leader's is (if I follow someone and they moved). */
    const followLeader = (all: BoardPeer[]) => {
      const target = api.getAppState().userToFollow?.socketId;
      const leader = target ? all.find((p) => String(p.clientId) === target) : undefined;
      const view = leader?.presence?.viewport;
      if (!view) return;
      const key = `${view.scrollX},${view.scrollY},${view.zoom},${view.width},${view.height}`;
      if (key === leaderView) return;
      leaderView = key;
      const { width, height } = api.getAppState();
      const next = followViewport(view, { width, height });
      api.updateScene({
        appState: {
          scrollX: next.scrollX,
          scrollY: next.scrollY,
          zoom: { value: next.zoom as AppState['zoom']['value'] },
        },
        captureUpdate: CaptureUpdateAction.NEVER,
      });
    };

    const onAwareness = ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      if (changed.every((id) => id === doc.clientID)) return;
      const all = boardPeers(awareness.getStates() as Map<number, Record<string, unknown>>, doc.clientID);
      // Pointers move 30 times a second: React hears only of who is here and who follows whom.
      const signature = all
        .map((p) => `${p.clientId}:${p.user.id}:${p.user.name}:${p.user.color}:${p.presence?.following}`)
        .join('|');
      if (signature !== peersSeen) {
        peersSeen = signature;
        setPeers(all);
      }
      api.updateScene({ collaborators: toCollaborators(all) });
      followLeader(all);
    };
    awareness.on('change', onAwareness);
    onAwareness({ added: [...awareness.getStates().keys()] });

    const offChange = api.onChange((_elements, appState) => {
      binding.onLocalChange();
      presence.update({
        selectedElementIds: Object.keys(appState.selectedElementIds).filter(
          (id) => appState.selectedElementIds[id],
        ),
        viewport: {
          scrollX: appState.scrollX,
          scrollY: appState.scrollY,
          zoom: appState.zoom.value,
          width: appState.width,
          height: appState.height,
        },
      });
    });
    const offFollow = api.onUserFollow(({ userToFollow, action }) => {
      const id = action === 'FOLLOW' ? Number(userToFollow.socketId) : null;
      setFollowing(id);
      presence.update({ following: id });
      leaderView = null;
      if (id !== null)
        followLeader(boardPeers(awareness.getStates() as Map<number, Record<string, unknown>>, doc.clientID));
    });
    // Drawing or selecting while following means I am taking over: stop following (scrolling and
    // zooming already do, inside Excalidraw).
    const offPointerDown = api.onPointerDown(() => {
      if (api.getAppState().userToFollow) api.updateScene({ appState: { userToFollow: null } });
    });
    const onPageHide = () => {
      binding.flush();
      presence.flush();
    };
    window.addEventListener('pagehide', onPageHide);

    return () => {
      window.removeEventListener('pagehide', onPageHide);
      offChange();
      offFollow();
      offPointerDown();
      awareness.off('change', onAwareness);
      binding.destroy();
      files.destroy();
      presence.destroy();
      publisher.current = null;
      awareness.setLocalStateField(BOARD_PRESENCE_FIELD, null);
      setPeers([]);
      setFollowing(null);
    };
  }, [api, handle, loaded, roomId, secret, readOnly]);

  const toggleFollow = useCallback(
    (peer: BoardPeer) => {
      if (!api) return;
      const current = api.getAppState().userToFollow?.socketId;
      const socketId = String(peer.clientId) as SocketId;
      api.updateScene({
        appState: { userToFollow: current === socketId ? null : { socketId, username: peer.user.name } },
      });
    },
    [api],
  );

  const onPointer = useCallback((pointer: Pointer, button: 'up' | 'down') => {
    publisher.current?.update({ pointer: { x: pointer.x, y: pointer.y, tool: pointer.tool }, button });
  }, []);
  const onPointerLeave = useCallback(() => {
    publisher.current?.update({ pointer: null, button: 'up' });
  }, []);

  return {
    peers,
    selfClientId: handle?.doc.clientID ?? null,
    following,
    toggleFollow,
    onPointer,
    onPointerLeave,
  };
}

/** Peers as Excalidraw collaborators: cursor, name label, laser trail and selection in their colour. */
function toCollaborators(peers: readonly BoardPeer[]): Map<SocketId, Collaborator> {
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
