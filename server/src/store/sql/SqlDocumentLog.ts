import type { DocumentLog } from '../DocumentLog.js';
import type {
  Checkpoint,
  HistoryUsage,
  StoredDocument,
  StoredUpdate,
  UpdateRow,
  UpdateSpan,
} from '../records.js';
import type { SqlDb } from './SqlDb.js';
import { INSERT_CHUNK, toStoredUpdate, type UpdateRowDb } from './sqlRows.js';

/** Documents' rows and checkpoints over SQL (CONTRACT.md, "Documents"). */
export class SqlDocumentLog implements DocumentLog {
  constructor(readonly db: SqlDb) {}

  async appendUpdates(batch: ReadonlyMap<string, readonly UpdateRow[]>): Promise<Map<string, number>> {
    const rows: Array<[string, UpdateRow]> = [];
    for (const [doc, updates] of batch) for (const u of updates) rows.push([doc, u]);
    const last = new Map<string, number>();
    if (rows.length === 0) return last;
    // One transaction, and one statement per hundred rows: under load, per-update commits were a
    // fifth of the server's time (bench/README.md).
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        const inserted = await tx.all<{ seq: number; doc: string }>(
          `INSERT INTO doc_updates (doc, data, at, author) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
           RETURNING seq, doc`,
          chunk.flatMap(([doc, u]) => [doc, u.data, u.at, u.author]),
        );
        for (const row of inserted) last.set(row.doc, Math.max(last.get(row.doc) ?? 0, Number(row.seq)));
      }
    });
    return last;
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    const checkpoint = await this.db.get<{ upto_seq: number; state: Uint8Array; at: number }>(
      'SELECT upto_seq, state, at FROM doc_checkpoints WHERE doc = ? ORDER BY upto_seq DESC LIMIT 1',
      [docName],
    );
    const rows = await this.db.all<UpdateRowDb>(
      'SELECT seq, data, at, author FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
      [docName, checkpoint?.upto_seq ?? 0],
    );
    return {
      checkpoint: checkpoint
        ? { uptoSeq: Number(checkpoint.upto_seq), state: checkpoint.state, at: checkpoint.at }
        : null,
      rows: rows.map(toStoredUpdate),
    };
  }

  async writeCheckpoint(docName: string, checkpoint: Checkpoint): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        'INSERT INTO doc_checkpoints (doc, upto_seq, state, at) VALUES (?, ?, ?, ?) ON CONFLICT (doc, upto_seq) DO NOTHING',
        [docName, checkpoint.uptoSeq, checkpoint.state, checkpoint.at],
      );
      // Only the latest is ever loaded: the older ones would be a copy of the document per 500
      // edits, kept for nothing (and a way to fill the disk with a big document and small edits).
      await tx.run(
        'DELETE FROM doc_checkpoints WHERE doc = ? AND upto_seq < (SELECT max(upto_seq) FROM doc_checkpoints WHERE doc = ?)',
        [docName, docName],
      );
    });
  }

  async loadUpdates(docName: string, after = 0, limit = -1): Promise<StoredUpdate[]> {
    const rows = await this.db.all<UpdateRowDb>(
      `SELECT seq, data, at, author FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq${limit >= 0 ? ' LIMIT ?' : ''}`,
      limit >= 0 ? [docName, after, limit] : [docName, after],
    );
    return rows.map(toStoredUpdate);
  }

  async loadUpdatePage(
    docName: string,
    after: number,
    maxRows: number,
    maxBytes: number,
  ): Promise<{ rows: StoredUpdate[]; more: boolean }> {
    // Sizes first (both databases read a value's length without its bytes), then only the rows
    // that fit: however large the rows, the page never holds more than it may send.
    const sizes = await this.db.all<{ seq: number; size: number }>(
      `SELECT seq, ${this.byteLength('data')} AS size FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq LIMIT ?`,
      [docName, after, maxRows + 1],
    );
    let bytes = 0;
    let fit = 0;
    for (const row of sizes.slice(0, maxRows)) {
      bytes += Number(row.size);
      if (fit > 0 && bytes > maxBytes) break;
      fit++;
    }
    const last = sizes[fit - 1];
    if (!last) return { rows: [], more: false };
    const rows = await this.db.all<UpdateRowDb>(
      'SELECT seq, data, at, author FROM doc_updates WHERE doc = ? AND seq > ? AND seq <= ? ORDER BY seq',
      [docName, after, Number(last.seq)],
    );
    return { rows: rows.map(toStoredUpdate), more: sizes.length > fit };
  }

  async historyUsage(roomId: string): Promise<HistoryUsage> {
    // A room's documents are named `<roomId>.<kind>-<round>`: one range of the doc index.
    const rows = await this.db.all<{ doc: string; author: string | null; bytes: number }>(
      `SELECT doc, author, sum(${this.byteLength('data')}) AS bytes FROM doc_updates
       WHERE doc >= ? AND doc < ? GROUP BY doc, author`,
      [`${roomId}.`, `${roomId}/`],
    );
    const usage: HistoryUsage = { total: 0, docs: new Map(), authors: new Map() };
    for (const row of rows) {
      const bytes = Number(row.bytes);
      usage.total += bytes;
      usage.docs.set(row.doc, (usage.docs.get(row.doc) ?? 0) + bytes);
      if (row.author !== null) usage.authors.set(row.author, (usage.authors.get(row.author) ?? 0) + bytes);
    }
    return usage;
  }

  /** The SQL for a byte column's length, which both databases read without loading the bytes. */
  private byteLength(column: string): string {
    return this.db.dialect === 'postgres' ? `octet_length(${column})` : `length(${column})`;
  }

  async describeUpdates(docName: string): Promise<UpdateSpan> {
    const span = await this.db.get<{ n: number; first_at: number | null; last_at: number | null }>(
      'SELECT count(*) AS n, min(at) AS first_at, max(at) AS last_at FROM doc_updates WHERE doc = ?',
      [docName],
    );
    const authors = await this.db.all<{ author: string }>(
      'SELECT DISTINCT author FROM doc_updates WHERE doc = ? AND author IS NOT NULL',
      [docName],
    );
    const time = (value: number | null | undefined) =>
      value === null || value === undefined ? null : Number(value);
    return {
      rows: Number(span?.n ?? 0),
      firstAt: time(span?.first_at),
      lastAt: time(span?.last_at),
      authors: authors.map((a) => a.author),
    };
  }

  async countUpdates(docName: string): Promise<number> {
    return Number(
      (await this.db.get<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc = ?', [docName]))
        ?.n ?? 0,
    );
  }
}
