import { z } from 'zod';

/**
 * The whiteboard's protocol besides its document (`BOARD_DOC`): images are uploaded over HTTP and
 * only their ids enter the document (P-BOARD-3); pointers, selection, viewport and follow travel
 * in the board document's awareness next to the server-stamped `user` (P-BOARD-2).
 */

/** Largest image a person may add to the board: 3 MiB. */
export const BOARD_FILE_MAX_BYTES = 3 * 1024 * 1024;
/** All images of one room together: 64 MiB, so one room cannot fill the server's disk. */
export const BOARD_ROOM_MAX_BYTES = 64 * 1024 * 1024;

export const BoardFileType = z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml']);
export type BoardFileType = z.infer<typeof BoardFileType>;

/** File ids are 16 random bytes in base64url: unguessable, and never derived from the content. */
export const BOARD_FILE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** `POST /api/rooms/:roomId/files` answers with this (201). */
export interface BoardFileUploaded {
  fileId: string;
  mimeType: BoardFileType;
  size: number;
}

export const BOARD_API = {
  files: (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/files`,
  file: (roomId: string, fileId: string) =>
    `/api/rooms/${encodeURIComponent(roomId)}/files/${encodeURIComponent(fileId)}`,
} as const;

/** The awareness field a participant's board presence lives in. */
export const BOARD_PRESENCE_FIELD = 'board';

const coordinate = z.number().finite().min(-1e7).max(1e7);

/**
 * At most this many selected element ids are shared (peers outline them): 100 ids of 21
 * characters keep the whole presence state under MAX_AWARENESS_STATE_BYTES.
 */
export const MAX_SHARED_SELECTION = 100;

/**
 * What each participant publishes on the board, as a peer receives it: parsed with this schema
 * (awareness is relayed as sent, so a peer's state is untrusted input), everything optional.
 */
export const BoardPresence = z.object({
  pointer: z.object({ x: coordinate, y: coordinate, tool: z.enum(['pointer', 'laser']) }).nullable(),
  button: z.enum(['up', 'down']),
  selectedElementIds: z.array(z.string().max(64)).max(MAX_SHARED_SELECTION),
  /** The visible part of the scene, so a follower can show the same. */
  viewport: z
    .object({
      scrollX: coordinate,
      scrollY: coordinate,
      zoom: z.number().finite().min(0.01).max(100),
      width: z.number().finite().min(0).max(20_000),
      height: z.number().finite().min(0).max(20_000),
    })
    .nullable(),
  /** Awareness client id of the person this one follows, or null. */
  following: z.number().int().nonnegative().nullable(),
});
export type BoardPresence = z.infer<typeof BoardPresence>;
