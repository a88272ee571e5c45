import { z } from 'zod';
import { DOC_KINDS } from '../values/documents.js';
import { ROOM_ID_PATTERN, type RoomId } from './ids.js';

export * from '../values/documents.js';

/**
 * Shared documents of a room, one set per round. Each is its own Y.Doc at /yjs/<name>, with its
 * own token, so a private document can exist that a candidate's connection never opens (P-DOC-1):
 * - `code`: the round's shared editor, `<roomId>.code-<round>`;
 * - `notes`: the round interviewer's private notes, `<roomId>.notes-<round>`;
 * - `board`: the round's whiteboard (Excalidraw elements), `<roomId>.board-<round>`.
 */
export const DocKind = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKind>;

export interface DocRef {
  roomId: RoomId;
  kind: DocKind;
  round: number;
}

export function docName(roomId: RoomId, kind: DocKind, round = 1): string {
  return `${roomId}.${kind}-${round}`;
}

const DOC_NAME = /^([A-Za-z0-9_-]{22})\.(code|notes|board)-([1-9][0-9]{0,2})$/;

/** Parses a document name; null when malformed. */
export function parseDocName(name: string): DocRef | null {
  const match = DOC_NAME.exec(name);
  const kind = DocKind.safeParse(match?.[2]);
  if (!match?.[1] || !ROOM_ID_PATTERN.test(match[1]) || !kind.success) return null;
  return { roomId: match[1], kind: kind.data, round: Number(match[3]) };
}
