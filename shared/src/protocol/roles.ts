import { z } from 'zod';
import { ROLES, SEAT_ROLES } from '../values/roles.js';

export * from '../values/roles.js';

/** The three seats in a room. The server assigns them; a client never chooses its own (P-ID-2). */
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Roles a room creator may pick for themselves. */
export const SeatRole = z.enum(SEAT_ROLES);
export type SeatRole = z.infer<typeof SeatRole>;
