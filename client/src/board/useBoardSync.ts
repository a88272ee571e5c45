import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { BOARD_DOC, BOARD_PRESENCE_FIELD, type BoardPresence } from '@mockloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SharedDocHandle } from '../docs/useSharedDoc';
import { BoardBinding } from './BoardBinding';
import { peerListSignature, toCollaborators } from './boardCollaborators';
import { BoardFileLoader } from './boardFiles';
import type { BoardPeer } from './boardPeers';
import { type BoardElement, excalidrawScene } from './excalidrawScene';
import { LeaderFollower, toggleFollowOf } from './LeaderFollower';
import { presenceFromAppState } from './localPresence';
import { PresencePublisher } from './PresencePublisher';
import { useSceneReady } from './useSceneReady';
import { currentBoardPeers, watchBoardPeers } from './watchBoardPeers';

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
    const follower = new LeaderFollower(api);
    let peersSeen = '';

    const stopWatchingPeers = watchBoardPeers(awareness, doc.clientID, (all) => {
      const signature = peerListSignature(all);
      if (signature !== peersSeen) {
        peersSeen = signature;
        setPeers(all);
      }
      api.updateScene({ collaborators: toCollaborators(all) });
      follower.follow(all);
    });
    const offChange = api.onChange((_elements, appState) => {
      binding.onLocalChange();
      presence.update(presenceFromAppState(appState));
    });
    const offFollow = api.onUserFollow(({ userToFollow, action }) => {
      const id = action === 'FOLLOW' ? Number(userToFollow.socketId) : null;
      setFollowing(id);
      presence.update({ following: id });
      follower.restart();
      if (id !== null) follower.follow(currentBoardPeers(awareness, doc.clientID));
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
      stopWatchingPeers();
      binding.destroy();
      files.destroy();
      presence.destroy();
      publisher.current = null;
      awareness.setLocalStateField(BOARD_PRESENCE_FIELD, null);
      setPeers([]);
      setFollowing(null);
    };
  }, [api, handle, loaded, roomId, secret, readOnly]);

  const toggleFollow = useCallback((peer: BoardPeer) => api && toggleFollowOf(api, peer), [api]);

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
