import { parseDocName } from '@mockloop/shared';
import type { DocumentLog } from '../store/DocumentLog.js';
import type { HistoryUsage } from '../store/records.js';

/**
 * Bytes of stored history (every update is kept as a row, for the replay) a room may gather.
 * The size caps of DOC_RULES bound a document's current state only: typing 900 KB and deleting
 * it again, over and over, leaves an empty document and a growing store. These bound the rows.
 */
export interface HistoryLimits {
  /** One document (one round's code, board or notes). */
  perDocumentBytes: number;
  /** One participant's rows across every document of a room, whatever their connections. */
  perPersonBytes: number;
  /** The whole room. */
  perRoomBytes: number;
}

/**
 * Defaults with room for a real loop: the replay benchmark's 60-minute interview (20,000
 * keystrokes, 2,000 board edits) stores about 1 MiB, so a 3-hour loop with a board drawn ten
 * times as hard is tens of MiB.
 */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = {
  perDocumentBytes: 64 * 1024 * 1024,
  perPersonBytes: 96 * 1024 * 1024,
  perRoomBytes: 192 * 1024 * 1024,
};

/** Which bound an update would pass, or null when it fits. */
export type HistoryLimitHit = 'document' | 'person' | 'room';

/**
 * The history each room served here holds, counted from the store when the room is taken and
 * then as rows are appended (P-DOC-13). Checked before a participant's update is applied; the
 * server's own changes (starter code) are counted but never refused.
 */
export class HistoryQuota {
  private readonly rooms = new Map<string, HistoryUsage>();

  constructor(
    private readonly store: Pick<DocumentLog, 'historyUsage'>,
    readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS,
  ) {}

  /** Reads a room's usage from the store (once, while this node serves the room). */
  async open(roomId: string): Promise<void> {
    if (this.rooms.has(roomId)) return;
    const usage = await this.store.historyUsage(roomId);
    if (!this.rooms.has(roomId)) this.rooms.set(roomId, usage);
  }

  /** Forgets a room this node no longer serves: another node counts it afresh from the store. */
  close(roomId: string): void {
    this.rooms.delete(roomId);
  }

  clear(): void {
    this.rooms.clear();
  }

  /** Which limit `bytes` more from `author` in `docName` would pass, or null when they fit. */
  wouldPass(docName: string, author: string | undefined, bytes: number): HistoryLimitHit | null {
    const usage = this.usage(docName);
    if (!usage) return null;
    if ((usage.docs.get(docName) ?? 0) + bytes > this.limits.perDocumentBytes) return 'document';
    if (author !== undefined && (usage.authors.get(author) ?? 0) + bytes > this.limits.perPersonBytes) {
      return 'person';
    }
    if (usage.total + bytes > this.limits.perRoomBytes) return 'room';
    return null;
  }

  /** Counts a row as it is appended. */
  charge(docName: string, author: string | null | undefined, bytes: number): void {
    const usage = this.usage(docName);
    if (!usage) return;
    usage.total += bytes;
    usage.docs.set(docName, (usage.docs.get(docName) ?? 0) + bytes);
    if (author) usage.authors.set(author, (usage.authors.get(author) ?? 0) + bytes);
  }

  /** A room's usage as counted here (undefined when this node does not serve it). */
  usage(docName: string): HistoryUsage | undefined {
    return this.rooms.get(parseDocName(docName)?.roomId ?? docName);
  }
}

/** What a person is told when an update is refused, per limit. */
export function historyFullMessage(hit: HistoryLimitHit, limits: HistoryLimits): string {
  const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
  switch (hit) {
    case 'document':
      return `this document has stored ${mib(limits.perDocumentBytes)} of history, the most it may`;
    case 'person':
      return `you have stored ${mib(limits.perPersonBytes)} of history in this room, the most one person may`;
    case 'room':
      return `this room has stored ${mib(limits.perRoomBytes)} of history, the most a room may`;
  }
}
