import { type CreateRoomRequest, type CreateSimulationRequest, ROUTES } from '@mockloop/shared';
import { createRoom, createSimulation } from './api';
import { navigate } from './router';
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

/** Creates a solo room with a simulated interviewer (P-SIM-1) and goes into it as its candidate. */
export async function startSimulation(req: CreateSimulationRequest): Promise<void> {
  // A simulated loop draws questions this browser has not seen first, as a live one (P-SEEN-2).
  const room = await createSimulation(req.loop ? { ...req, seen: storage.seen() } : req);
  storage.setName(req.name);
  storage.setSecret(room.roomId, room.secret);
  navigate(ROUTES.room(room.roomId));
}

/** The message to show for a failed startRoom. */
export function startRoomError(err: unknown): string {
  return err instanceof Error ? err.message : 'Could not create the room.';
}
