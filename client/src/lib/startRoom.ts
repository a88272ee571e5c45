import { type CreateRoomRequest, ROUTES } from '@mockloop/shared';
import { navigate } from '../app/router';
import { createRoom } from './api';
import { storage } from './storage';

/**
 * Creates a room with the creator's seat, remembers their name and the seat's secret, and goes
 * into the room. Throws (an ApiError) when the room could not be created; nothing is stored then.
 */
export async function startRoom(req: CreateRoomRequest & { name: string }): Promise<void> {
  // A loop plan draws questions this browser has not seen first (P-SEEN-2).
  const room = await createRoom({ ...req, seen: storage.seen() });
  storage.setName(req.name);
  storage.setSecret(room.roomId, room.secret);
  navigate(ROUTES.room(room.roomId));
}

/** The message to show for a failed startRoom. */
export function startRoomError(err: unknown): string {
  return err instanceof Error ? err.message : 'Could not create the room.';
}
