import type {
  Checkpoint,
  HistoryUsage,
  StoredDocument,
  StoredUpdate,
  UpdateRow,
  UpdateSpan,
} from './records.js';

/**
 * Every document's log: its rows (one per update, with when and from whom), its latest
 * checkpoint, and the history's bytes (CONTRACT.md, "Documents"). The document plane writes it;
 * the replay and the report read it.
 */
export interface DocumentLog {
  /**
   * Appends updates to several documents' logs, each document's in order, atomically, in one
   * transaction: the document plane writes all the updates of an event-loop turn in one call.
   * Returns the last sequence number given to each document (S-DOC-1).
   */
  appendUpdates(batch: ReadonlyMap<string, readonly UpdateRow[]>): Promise<Map<string, number>>;
  /** The latest checkpoint of a document and every row after it, oldest first (S-DOC-2). */
  loadDocument(docName: string): Promise<StoredDocument>;
  /**
   * Records a document's full state as covering every row up to `uptoSeq`, and drops the older
   * checkpoints it supersedes (a load needs only the latest). Rows are never deleted by it, so a
   * row another writer appended meanwhile is never lost (S-DOC-3).
   */
  writeCheckpoint(docName: string, checkpoint: Checkpoint): Promise<void>;
  /** A document's rows with a sequence number above `after`, oldest first, at most `limit` (S-DOC-4). */
  loadUpdates(docName: string, after?: number, limit?: number): Promise<StoredUpdate[]>;
  /**
   * One page of a document's rows after `after`, oldest first: at most `maxRows` rows and, past
   * the first, at most `maxBytes` of row data, read without holding more than that in memory;
   * `more` says whether rows are left after it (S-DOC-6).
   */
  loadUpdatePage(
    docName: string,
    after: number,
    maxRows: number,
    maxBytes: number,
  ): Promise<{ rows: StoredUpdate[]; more: boolean }>;
  /** The bytes of history a room's documents hold, in all, per document and per author (S-DOC-5). */
  historyUsage(roomId: string): Promise<HistoryUsage>;
  countUpdates(docName: string): Promise<number>;
  /** How many rows a document has, from when to when, and who wrote them (S-DOC-4). */
  describeUpdates(docName: string): Promise<UpdateSpan>;
}
