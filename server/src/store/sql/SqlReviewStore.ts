import type { ReviewStore } from '../ReviewStore.js';
import type { ReviewRecord, Written } from '../records.js';
import type { SqlDb } from './SqlDb.js';

interface Row {
  id: string;
  room_id: string;
  data: string;
  revision: number;
  created_at: number;
}

type Data = Omit<ReviewRecord, 'id' | 'roomId' | 'revision' | 'createdAt'>;

/** Review links over SQL: the id, room and revision as columns, the rest (comments) as JSON. */
export class SqlReviewStore implements ReviewStore {
  constructor(readonly db: SqlDb) {}

  async createReview(record: ReviewRecord): Promise<void> {
    await this.db.run(
      'INSERT INTO reviews (id, room_id, data, revision, created_at) VALUES (?, ?, ?, ?, ?)',
      [record.id, record.roomId, JSON.stringify(dataOf(record)), record.revision, record.createdAt],
    );
  }

  async getReview(id: string): Promise<ReviewRecord | null> {
    const row = await this.db.get<Row>('SELECT * FROM reviews WHERE id = ?', [id]);
    return row ? fromRow(row) : null;
  }

  async listReviews(roomId: string): Promise<ReviewRecord[]> {
    const rows = await this.db.all<Row>('SELECT * FROM reviews WHERE room_id = ? ORDER BY created_at, id', [
      roomId,
    ]);
    return rows.map(fromRow);
  }

  async updateReview(record: ReviewRecord, expected: number): Promise<Written> {
    const changed = await this.db.run(
      'UPDATE reviews SET data = ?, revision = ? WHERE id = ? AND revision = ?',
      [JSON.stringify(dataOf(record)), expected + 1, record.id, expected],
    );
    return changed === 1 ? 'written' : 'conflict';
  }
}

function dataOf(record: ReviewRecord): Data {
  return {
    round: record.round,
    createdBy: record.createdBy,
    revokedAt: record.revokedAt,
    comments: record.comments,
  };
}

function fromRow(row: Row): ReviewRecord {
  return {
    ...(JSON.parse(row.data) as Data),
    id: row.id,
    roomId: row.room_id,
    createdAt: Number(row.created_at),
    revision: Number(row.revision),
  };
}
