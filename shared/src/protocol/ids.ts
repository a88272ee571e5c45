import { z } from 'zod';
import { KebabId } from '../questions/text.js';

/**
 * Room ids are 16 random bytes in base64url (22 chars, 128 bits): unguessable, so an unknown
 * id and a forbidden one look the same (P-ROOM-1).
 */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const RoomId = z.string().regex(ROOM_ID_PATTERN, 'malformed room id');
export type RoomId = z.infer<typeof RoomId>;

/** Participant secrets are 32 random bytes in base64url; the browser keeps them per room. */
export const ParticipantSecret = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'malformed secret');

export const ParticipantId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'malformed participant id');
export type ParticipantId = z.infer<typeof ParticipantId>;

/** A display name: trimmed, 1 to 40 characters, no control characters. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(40, 'name is at most 40 characters')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'name has control characters');

/**
 * A browser tab's own random id (per page load): the server derives the tab's document client ids
 * from it, so a re-join from the same tab keeps its ids and two tabs never share one.
 */
export const TabId = z.string().regex(/^[A-Za-z0-9_-]{16,43}$/, 'malformed tab id');

/** Question ids a browser has opened or played, newest last (P-SEEN-1); at most this many are sent. */
export const MAX_SEEN_IDS = 200;
export const SeenQuestionIds = z.array(KebabId).max(MAX_SEEN_IDS);
