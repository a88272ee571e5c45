import {
  defaultView,
  type RoundType,
  type WorkspaceView as View,
  WORKSPACE_VIEW_LABELS,
  WORKSPACE_VIEWS,
} from '@mockloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { oneOf } from '../../lib/oneOf';
import type { RoomActions } from '../session/RoomActions';

// Per round: a room runs rounds of any type, and each opens on the view its type suits.
const storageKey = (roomId: string, round: number) => `mockloop:view:${roomId}:${round}`;

function storedView(roomId: string, round: number): View | null {
  try {
    return oneOf(WORKSPACE_VIEWS, sessionStorage.getItem(storageKey(roomId, round)));
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
export function useWorkspaceView(
  roomId: string,
  roundType: RoundType,
  selfId: string,
  actions: RoomActions,
  round: number,
) {
  const [view, setView] = useState<View>(() => storedView(roomId, round) ?? defaultView(roundType));
  const [opened, setOpened] = useState<ReadonlySet<View>>(() => new Set([view]));
  const [notice, setNotice] = useState<string | null>(null);

  /** Shows a view (mounting it the first time), without a notice. */
  const show = useCallback((next: View) => {
    setView(next);
    setOpened((current) => (current.has(next) ? current : new Set([...current, next])));
    setNotice(null);
  }, []);

  const select = useCallback(
    (next: View) => {
      show(next);
      try {
        sessionStorage.setItem(storageKey(roomId, round), next);
      } catch {
        // not remembered across a refresh; nothing else depends on it
      }
    },
    [roomId, round, show],
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

  // A new round opens on its own view (the round type's, unless chosen in this tab before), and
  // without the last round's notice.
  const [shownRound, setShownRound] = useState(round);
  if (shownRound !== round) {
    setShownRound(round);
    show(storedView(roomId, round) ?? defaultView(roundType));
  }

  return { view, opened, select, notice, dismissNotice: () => setNotice(null) };
}
