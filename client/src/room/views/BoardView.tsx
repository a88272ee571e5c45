import type { DocAccess, ParticipantView } from '@mockloop/shared';
import { lazy, Suspense } from 'react';
import { useSharedDoc } from '../../docs/useSharedDoc';
import { DocProblemBanner } from '../DocProblemBanner';

// Excalidraw is most of a megabyte: it loads the first time the whiteboard opens, not with the
// room. The board document is opened here, so the lazy chunk needs nothing from the room's chunk.
const Whiteboard = lazy(() => import('../../board/Whiteboard'));

interface Props {
  access: DocAccess;
  self: ParticipantView;
  roomId: string;
  secret: string;
  readOnly: boolean;
  exportName: string;
  /** The server ended this connection's seat (a role swap): fetch the new documents. */
  onSeatChanged?: () => void;
}

/** The whiteboard view: connects the round's board document and shows the board once loaded. */
export function BoardView({ access, self, onSeatChanged, readOnly, ...rest }: Props) {
  const board = useSharedDoc(access, self, onSeatChanged);
  return (
    <>
      <DocProblemBanner problem={board.problem} onReconnect={board.reconnect} />
      <Suspense fallback={<div className="view-loading muted">Loading the whiteboard…</div>}>
        <Whiteboard
          board={board}
          isObserver={self.role === 'observer'}
          readOnly={readOnly || board.problem?.frozen === true}
          {...rest}
        />
      </Suspense>
    </>
  );
}
