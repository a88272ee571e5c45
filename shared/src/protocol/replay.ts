import type { DocKind } from './documents.js';

/**
 * The replay of one round (P-REPLAY-1): what a viewer may see of its history. Rows come
 * separately, by range (`ReplayRows`), so a long interview starts playing before all of it has
 * arrived.
 */
export interface ReplayInfo {
  round: number;
  startedAt: number;
  endedAt: number | null;
  /** The two players and anyone else who wrote: for the activity tracks. */
  people: Array<{ id: string; name: string; color: string; role: 'interviewer' | 'candidate' | 'observer' }>;
  /** The documents this viewer may replay, with how many rows each has. Never `notes` but for the round's interviewer. */
  docs: Partial<Record<DocKind, { rows: number; firstAt: number | null; lastAt: number | null }>>;
  /** Moments on the timeline, allow-listed for this viewer (no unrevealed pick, nothing of the brief). */
  events: ReplayEvent[];
}

export type ReplayEvent =
  | { type: 'question-revealed'; at: number; title: string }
  | { type: 'hint-revealed'; at: number; index: number; text: string }
  | { type: 'timer'; at: number; action: 'start' | 'pause' | 'add' | 'reset' }
  | { type: 'round-ended'; at: number };

/**
 * A range of one document's rows, each [seq, at, author, v1 update in base64] where author
 * indexes `authors` (-1: the server's own change, such as starter code).
 */
export interface ReplayRows {
  authors: string[];
  rows: Array<[number, number, number, string]>;
  /** Pass as `after` for the next range; null when this was the last. */
  next: number | null;
}

/** Rows per request: a 60-minute interview is a few of them. */
export const REPLAY_PAGE_ROWS = 5000;
/**
 * Bytes of rows per request (P-REPLAY-2): a page holds at most this much, or one row alone when
 * a single row is larger (a board drawn offline and sent whole).
 */
export const REPLAY_PAGE_BYTES = 2 * 1024 * 1024;

export const REPLAY_API = {
  info: (roomId: string, round: number) => `/api/rooms/${encodeURIComponent(roomId)}/replay/${round}`,
  rows: (roomId: string, round: number, kind: DocKind, after = 0) =>
    `/api/rooms/${encodeURIComponent(roomId)}/replay/${round}/${kind}?after=${after}`,
} as const;
