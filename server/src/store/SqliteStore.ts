import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '@mockloop/shared';
import Database from 'better-sqlite3';
import {
  type ParticipantRecord,
  type RoomRecord,
  type RoundRecord,
  SeatTakenError,
  type Store,
  type TimelineRecord,
} from './Store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rooms (
  id TEXT PRIMARY KEY,
  round_type TEXT NOT NULL,
  language TEXT NOT NULL,
  creator_role TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  secret_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  color TEXT NOT NULL,
  joined_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_room ON participants(room_id, joined_at);
CREATE UNIQUE INDEX IF NOT EXISTS participants_by_secret ON participants(room_id, secret_hash);
-- One interviewer and one candidate per room, whatever the callers do.
CREATE UNIQUE INDEX IF NOT EXISTS one_seat_per_role ON participants(room_id, role)
  WHERE role IN ('interviewer', 'candidate');
CREATE TABLE IF NOT EXISTS rounds (
  room_id TEXT NOT NULL REFERENCES rooms(id),
  number INTEGER NOT NULL,
  question_id TEXT,
  revealed_at INTEGER,
  hint_times TEXT NOT NULL DEFAULT '[]',
  starter_for TEXT,
  started_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, number)
);
CREATE TABLE IF NOT EXISTS timeline (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  round INTEGER NOT NULL,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS timeline_by_room ON timeline(room_id, seq);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates(doc, seq);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

interface RoomRow {
  id: string;
  round_type: string;
  language: string;
  creator_role: string;
  created_at: number;
}

interface ParticipantRow {
  id: string;
  room_id: string;
  secret_hash: string;
  name: string;
  role: string;
  color: string;
  joined_at: number;
}

interface RoundRow {
  room_id: string;
  number: number;
  question_id: string | null;
  revealed_at: number | null;
  hint_times: string;
  starter_for: string | null;
  started_at: number;
}

function toRound(row: RoundRow): RoundRecord {
  return {
    roomId: row.room_id,
    number: row.number,
    questionId: row.question_id,
    revealedAt: row.revealed_at,
    hintTimes: JSON.parse(row.hint_times) as number[],
    starterFor: row.starter_for,
    startedAt: row.started_at,
  };
}

const ROUND_COLUMNS = {
  questionId: 'question_id',
  revealedAt: 'revealed_at',
  hintTimes: 'hint_times',
  starterFor: 'starter_for',
} as const;

function toRoom(row: RoomRow): RoomRecord {
  return {
    id: row.id,
    roundType: row.round_type as RoomRecord['roundType'],
    language: row.language as RoomRecord['language'],
    creatorRole: row.creator_role as RoomRecord['creatorRole'],
    createdAt: row.created_at,
  };
}

function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    roomId: row.room_id,
    secretHash: row.secret_hash,
    name: row.name,
    role: row.role as ParticipantRecord['role'],
    color: row.color,
    joinedAt: row.joined_at,
  };
}

/**
 * The embedded default store: one SQLite file in WAL mode. Calls are synchronous underneath;
 * the async signatures keep the Store contract that a networked database needs.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmt;

  /** Opens (or creates) `file`; ':memory:' gives a throwaway store for tests. */
  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (SIGKILL); only an OS crash can lose the tail.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.stmt = {
      insertRoom: db.prepare(
        'INSERT INTO rooms (id, round_type, language, creator_role, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      getRoom: db.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE id = ?'),
      setLanguage: db.prepare('UPDATE rooms SET language = ? WHERE id = ?'),
      insertParticipant: db.prepare(
        `INSERT INTO participants (id, room_id, secret_hash, name, role, color, joined_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      getParticipant: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?'),
      findBySecret: db.prepare<[string, string], ParticipantRow>(
        'SELECT * FROM participants WHERE room_id = ? AND secret_hash = ?',
      ),
      listParticipants: db.prepare<[string], ParticipantRow>(
        'SELECT * FROM participants WHERE room_id = ? ORDER BY joined_at, rowid',
      ),
      rename: db.prepare('UPDATE participants SET name = ? WHERE id = ?'),
      insertRound: db.prepare(
        `INSERT INTO rounds (room_id, number, question_id, revealed_at, hint_times, starter_for, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      currentRound: db.prepare<[string], RoundRow>(
        'SELECT * FROM rounds WHERE room_id = ? ORDER BY number DESC LIMIT 1',
      ),
      appendEvent: db.prepare('INSERT INTO timeline (room_id, round, at, type, data) VALUES (?, ?, ?, ?, ?)'),
      listEvents: db.prepare<
        [string],
        { room_id: string; round: number; at: number; type: string; data: string }
      >('SELECT room_id, round, at, type, data FROM timeline WHERE room_id = ? ORDER BY seq'),
      appendUpdate: db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)'),
      loadUpdates: db.prepare<[string], { data: Buffer }>(
        'SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq',
      ),
      countUpdates: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM doc_updates WHERE doc = ?',
      ),
      deleteUpdates: db.prepare('DELETE FROM doc_updates WHERE doc = ?'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  async createRoom(room: RoomRecord): Promise<void> {
    this.stmt.insertRoom.run(room.id, room.roundType, room.language, room.creatorRole, room.createdAt);
  }

  async getRoom(roomId: string): Promise<RoomRecord | null> {
    const row = this.stmt.getRoom.get(roomId);
    return row ? toRoom(row) : null;
  }

  async setRoomLanguage(roomId: string, language: Language): Promise<void> {
    this.stmt.setLanguage.run(language, roomId);
  }

  async addParticipant(p: ParticipantRecord): Promise<void> {
    try {
      this.stmt.insertParticipant.run(p.id, p.roomId, p.secretHash, p.name, p.role, p.color, p.joinedAt);
    } catch (err) {
      if (isUniqueViolation(err) && (p.role === 'interviewer' || p.role === 'candidate')) {
        throw new SeatTakenError(p.role);
      }
      throw err;
    }
  }

  async getParticipant(participantId: string): Promise<ParticipantRecord | null> {
    const row = this.stmt.getParticipant.get(participantId);
    return row ? toParticipant(row) : null;
  }

  async findParticipantBySecret(roomId: string, secretHash: string): Promise<ParticipantRecord | null> {
    const row = this.stmt.findBySecret.get(roomId, secretHash);
    return row ? toParticipant(row) : null;
  }

  async listParticipants(roomId: string): Promise<ParticipantRecord[]> {
    return this.stmt.listParticipants.all(roomId).map(toParticipant);
  }

  async renameParticipant(participantId: string, name: string): Promise<void> {
    this.stmt.rename.run(name, participantId);
  }

  async createRound(r: RoundRecord): Promise<void> {
    this.stmt.insertRound.run(
      r.roomId,
      r.number,
      r.questionId,
      r.revealedAt,
      JSON.stringify(r.hintTimes),
      r.starterFor,
      r.startedAt,
    );
  }

  async getCurrentRound(roomId: string): Promise<RoundRecord | null> {
    const row = this.stmt.currentRound.get(roomId);
    return row ? toRound(row) : null;
  }

  async updateRound(
    roomId: string,
    number: number,
    patch: Partial<Pick<RoundRecord, 'questionId' | 'revealedAt' | 'hintTimes' | 'starterFor'>>,
  ): Promise<void> {
    const keys = (Object.keys(patch) as Array<keyof typeof ROUND_COLUMNS>).filter((k) => k in ROUND_COLUMNS);
    if (keys.length === 0) return;
    const sets = keys.map((k) => `${ROUND_COLUMNS[k]} = ?`).join(', ');
    const values = keys.map((k) => (k === 'hintTimes' ? JSON.stringify(patch[k]) : (patch[k] ?? null)));
    this.db
      .prepare(`UPDATE rounds SET ${sets} WHERE room_id = ? AND number = ?`)
      .run(...values, roomId, number);
  }

  async appendEvent(e: TimelineRecord): Promise<void> {
    this.stmt.appendEvent.run(e.roomId, e.round, e.at, e.type, JSON.stringify(e.data));
  }

  async listEvents(roomId: string): Promise<TimelineRecord[]> {
    return this.stmt.listEvents.all(roomId).map((row) => ({
      roomId: row.room_id,
      round: row.round,
      at: row.at,
      type: row.type,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }

  async appendUpdate(docName: string, update: Uint8Array): Promise<void> {
    this.stmt.appendUpdate.run(docName, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
  }

  async appendUpdates(docName: string, updates: Uint8Array[]): Promise<void> {
    this.db.transaction(() => {
      for (const u of updates)
        this.stmt.appendUpdate.run(docName, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    })();
  }

  async loadUpdates(docName: string): Promise<Uint8Array[]> {
    return this.stmt.loadUpdates.all(docName).map((row) => new Uint8Array(row.data));
  }

  async countUpdates(docName: string): Promise<number> {
    return this.stmt.countUpdates.get(docName)?.n ?? 0;
  }

  async replaceUpdates(docName: string, state: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteUpdates.run(docName);
      this.stmt.appendUpdate.run(docName, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
    })();
  }

  async getMeta(key: string): Promise<string | null> {
    return this.stmt.getMeta.get(key)?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.stmt.setMeta.run(key, value);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    (err as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
