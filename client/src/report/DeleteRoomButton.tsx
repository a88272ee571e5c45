import { useState } from 'react';
import { deleteRoom } from '../lib/api';
import { storage } from '../lib/storage';

/**
 * Deletes the room for everyone after a confirm (P-ROOM-7): code, board, notes, feedback and
 * images go from the server, and the people still in it are told. Only a seat's secret may.
 */
export function DeleteRoomButton({
  roomId,
  secret,
  onDeleted,
}: {
  roomId: string;
  secret: string;
  onDeleted: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    const sure = window.confirm(
      'Delete this room for everyone? Its code, board, notes, feedback, images and this report are removed from the server for good.',
    );
    if (!sure) return;
    setBusy(true);
    setError(null);
    try {
      await deleteRoom(roomId, secret);
      storage.forgetSecret(roomId);
      onDeleted();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The room could not be deleted.');
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button danger" onClick={() => void remove()} disabled={busy}>
        Delete room
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
