import { z } from 'zod';
import { MAX_SHARED_SELECTION } from '../values/board.js';

export * from '../values/board.js';

/**
 * The whiteboard's protocol besides its document (`BOARD_DOC`): images are uploaded over HTTP and
 * only their ids enter the document (P-BOARD-3); pointers, selection, viewport and follow travel
 * in the board document's awareness next to the server-stamped `user` (P-BOARD-2).
 */

export const BoardFileType = z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml']);
export type BoardFileType = z.infer<typeof BoardFileType>;

/** `POST /api/rooms/:roomId/files` answers with this (201). */
export interface BoardFileUploaded {
  fileId: string;
  mimeType: BoardFileType;
  size: number;
}

const coordinate = z.number().finite().min(-1e7).max(1e7);

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
