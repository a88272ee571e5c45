import {
  defaultView,
  type RoundType,
  type WorkspaceView as View,
  WORKSPACE_VIEW_LABELS,
  WorkspaceView,
} from '@mockloop/shared';
import { useCallback, useEffect, useState } from 'react';
import type { RoomActions } from '../useRoomSession';

const storageKey = (roomId: string) => `mockloop:view:${roomId}`;

function storedView(roomId: string): View | null {
  try {
    const parsed = WorkspaceView.safeParse(sessionStorage.getItem(storageKey(roomId)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // storage can be disabled
  }
}

/**
 * Which central view this person sees: the round type's default (code for coding, the whiteboard
 * for system design, shared notes otherwise), their own choice after that (kept for this tab
 * across refreshes), and the interviewer's "bring everyone here" whenever it arrives. Views are
 * mounted the first time they open and kept after, so switching back is instant.
 */
export function useWorkspaceView(roomId: string, roundType: RoundType, selfId: string, actions: RoomActions) {
  const [view, setView] = useState<View>(() => storedView(roomId) ?? defaultView(roundType));
  const [opened, setOpened] = useState<ReadonlySet<View>>(() => new Set([view]));
  const [notice, setNotice] = useState<string | null>(null);

  const select = useCallback(
    (next: View) => {
      setView(next);
      setOpened((current) => (current.has(next) ? current : new Set([...current, next])));
      setNotice(null);
      try {
        sessionStorage.setItem(storageKey(roomId), next);
      } catch {
        // not remembered across a refresh; nothing else depends on it
      }
    },
    [roomId],
  );

  const { onViewFocused } = actions;
  useEffect(
    () =>
      onViewFocused((focus) => {
        select(focus.view);
        if (focus.by !== selfId) {
          setNotice(
            `${focus.byName} brought everyone to the ${WORKSPACE_VIEW_LABELS[focus.view].toLowerCase()}.`,
          );
        }
      }),
    [onViewFocused, select, selfId],
  );

  return { view, opened, select, notice, dismissNotice: () => setNotice(null) };
}
