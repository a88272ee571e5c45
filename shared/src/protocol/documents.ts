import { z } from 'zod';
import { ROOM_ID_PATTERN, type RoomId } from './ids.js';

/**
 * Shared documents of a room. Each is its own Y.Doc at /yjs/<roomId>.<kind>, with its own token,
 * so a private document can exist that a candidate's connection never opens (P-DOC-1).
 */
export const DocKind = z.enum(['code']);
export type DocKind = z.infer<typeof DocKind>;

/** Names of the shared types inside the code document. */
export const CODE_DOC = { text: 'code' } as const;

export const YJS_PATH_PREFIX = '/yjs/';

export function docName(roomId: RoomId, kind: DocKind): string {
  return `${roomId}.${kind}`;
}

/** Parses "<roomId>.<kind>"; null when malformed. */
export function parseDocName(name: string): { roomId: RoomId; kind: DocKind } | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const roomId = name.slice(0, dot);
  const kind = DocKind.safeParse(name.slice(dot + 1));
  if (!ROOM_ID_PATTERN.test(roomId) || !kind.success) return null;
  return { roomId, kind: kind.data };
}
