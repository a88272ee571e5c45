import { z } from 'zod';
import { DisplayName } from './ids.js';
import { SeatRole } from './roles.js';
import { RoundType } from './roundTypes.js';

/** POST /api/rooms body. The creator's name is optional here; they give it on the join page. */
export const CreateRoomRequest = z.object({
  roundType: RoundType,
  creatorRole: SeatRole.default('interviewer'),
  name: DisplayName.optional(),
});
export type CreateRoomRequest = z.input<typeof CreateRoomRequest>;

export interface CreateRoomResponse {
  roomId: string;
  inviteUrl: string;
  /** The creator's participant secret: the seat with the role they chose. */
  secret: string;
}

/** GET /api/rooms/:roomId: what a join page may show before joining. */
export interface RoomSummary {
  roomId: string;
  roundType: RoundType;
  /** Seats still free; when none, a newcomer joins as observer. */
  openSeats: SeatRole[];
}

export const API = {
  health: '/healthz',
  rooms: '/api/rooms',
  room: (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`,
  /** Public fields only (P-PRIV-3). */
  questions: '/api/questions',
  question: (id: string) => `/api/questions/${encodeURIComponent(id)}`,
  tracks: '/api/tracks',
  track: (id: string) => `/api/tracks/${encodeURIComponent(id)}`,
} as const;

/** Browser routes. */
export const ROUTES = {
  home: '/',
  room: (roomId: string) => `/r/${roomId}`,
  track: (trackId: string) => `/tracks/${trackId}`,
} as const;
