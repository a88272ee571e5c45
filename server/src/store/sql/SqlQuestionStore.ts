import type {
  OwnQuestionQuota,
  OwnQuestionRecord,
  OwnQuestionWrite,
  QuestionStore,
} from '../QuestionStore.js';
import type { SqlDb, SqlExecutor } from './SqlDb.js';

/** First key of the advisory locks that serialise one author's writes on PostgreSQL. */
const OWNER_LOCK_SPACE = 727_003;

interface OwnQuestionRow {
  key: string;
  owner: string;
  title: string;
  round_type: string;
  difficulty: string;
  body: string;
  bytes: number | string;
  share_key: string | null;
  created_at: number | string;
  updated_at: number | string;
}

const COLUMNS = 'key, owner, title, round_type, difficulty, body, bytes, share_key, created_at, updated_at';

function toRecord(row: OwnQuestionRow): OwnQuestionRecord {
  return {
    key: row.key,
    owner: row.owner,
    title: row.title,
    roundType: row.round_type,
    difficulty: row.difficulty,
    body: row.body,
    bytes: Number(row.bytes),
    shareKey: row.share_key,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** My questions over SQL (CONTRACT.md, S-MYQ-1 and S-MYQ-2). */
export class SqlQuestionStore implements QuestionStore {
  constructor(readonly db: SqlDb) {}

  /**
   * One author's writes run one at a time: two tabs adding at once must not both fit under the
   * quota. SQLite has one writer anyway; PostgreSQL takes a transaction lock on the author.
   */
  private async lockOwner(tx: SqlExecutor, owner: string): Promise<void> {
    if (this.db.dialect === 'postgres') {
      await tx.get('SELECT pg_advisory_xact_lock(?::int, hashtext(?))', [OWNER_LOCK_SPACE, owner]);
    }
  }

  private async usage(
    tx: SqlExecutor,
    owner: string,
    except?: string,
  ): Promise<{ count: number; bytes: number }> {
    const row = await tx.get<{ n: number | string; total: number | string | null }>(
      `SELECT count(*) AS n, sum(bytes) AS total FROM own_questions WHERE owner = ?${except ? ' AND key <> ?' : ''}`,
      except ? [owner, except] : [owner],
    );
    return { count: Number(row?.n ?? 0), bytes: Number(row?.total ?? 0) };
  }

  async addOwnQuestions(
    records: readonly OwnQuestionRecord[],
    quota: OwnQuestionQuota,
  ): Promise<OwnQuestionWrite> {
    const owners = new Set(records.map((r) => r.owner));
    if (owners.size !== 1) throw new Error('addOwnQuestions takes one author’s questions at a time');
    const owner = records[0]?.owner ?? '';
    return this.db.transaction(async (tx) => {
      await this.lockOwner(tx, owner);
      const used = await this.usage(tx, owner);
      if (used.count + records.length > quota.maxCount) return 'too-many';
      const bytes = records.reduce((sum, r) => sum + r.bytes, 0);
      if (used.bytes + bytes > quota.maxBytes) return 'too-large';
      for (const r of records) {
        await tx.run(`INSERT INTO own_questions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
          r.key,
          r.owner,
          r.title,
          r.roundType,
          r.difficulty,
          r.body,
          r.bytes,
          r.shareKey,
          r.createdAt,
          r.updatedAt,
        ]);
      }
      return 'saved';
    });
  }

  async replaceOwnQuestion(r: OwnQuestionRecord, quota: OwnQuestionQuota): Promise<OwnQuestionWrite> {
    return this.db.transaction(async (tx) => {
      await this.lockOwner(tx, r.owner);
      const mine = await tx.get('SELECT key FROM own_questions WHERE key = ? AND owner = ?', [
        r.key,
        r.owner,
      ]);
      if (!mine) return 'not-found';
      if ((await this.usage(tx, r.owner, r.key)).bytes + r.bytes > quota.maxBytes) return 'too-large';
      await tx.run(
        `UPDATE own_questions SET title = ?, round_type = ?, difficulty = ?, body = ?, bytes = ?, updated_at = ?
         WHERE key = ? AND owner = ?`,
        [r.title, r.roundType, r.difficulty, r.body, r.bytes, r.updatedAt, r.key, r.owner],
      );
      return 'saved';
    });
  }

  async listOwnQuestions(owner: string): Promise<OwnQuestionRecord[]> {
    const rows = await this.db.all<OwnQuestionRow>(
      `SELECT ${COLUMNS} FROM own_questions WHERE owner = ? ORDER BY updated_at DESC, key`,
      [owner],
    );
    return rows.map(toRecord);
  }

  async getOwnQuestion(key: string): Promise<OwnQuestionRecord | null> {
    const row = await this.db.get<OwnQuestionRow>(`SELECT ${COLUMNS} FROM own_questions WHERE key = ?`, [
      key,
    ]);
    return row ? toRecord(row) : null;
  }

  async deleteOwnQuestion(owner: string, key: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM own_questions WHERE key = ? AND owner = ?', [key, owner])) > 0;
  }

  async shareOwnQuestion(owner: string, key: string, shareKey: string): Promise<string | null> {
    await this.db.run(
      'UPDATE own_questions SET share_key = ? WHERE key = ? AND owner = ? AND share_key IS NULL',
      [shareKey, key, owner],
    );
    const row = await this.db.get<{ share_key: string | null }>(
      'SELECT share_key FROM own_questions WHERE key = ? AND owner = ?',
      [key, owner],
    );
    return row?.share_key ?? null;
  }

  async findSharedQuestion(shareKey: string): Promise<OwnQuestionRecord | null> {
    const row = await this.db.get<OwnQuestionRow>(
      `SELECT ${COLUMNS} FROM own_questions WHERE share_key = ?`,
      [shareKey],
    );
    return row ? toRecord(row) : null;
  }
}
