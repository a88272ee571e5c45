import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '@mockloop/shared';
import Database from 'better-sqlite3';
import {
  FeedbackExistsError,
  type FeedbackRecord,
  type FileInfo,
  type FileRecord,
  type ParticipantRecord,
  type RoomRecord,
  type RoundPatch,
  type RoundRecord,
  SeatTakenError,
  type Store,
  type TimelineRecord,
} from './Store.js';

/** Schema versions, applied in order and recorded in PRAGMA user_version. Never edit a shipped one. */
const MIGRATIONS: string[] = [
  `
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
`,
  // Rounds get their players, a timer and an end; feedback per round; role-swap proposals.
  `
ALTER TABLE rounds ADD COLUMN interviewer_id TEXT;
ALTER TABLE rounds ADD COLUMN candidate_id TEXT;
ALTER TABLE rounds ADD COLUMN ended_at INTEGER;
ALTER TABLE rounds ADD COLUMN timer_duration_ms INTEGER;
ALTER TABLE rounds ADD COLUMN timer_ends_at INTEGER;
ALTER TABLE rounds ADD COLUMN timer_remaining_ms INTEGER;
ALTER TABLE rooms ADD COLUMN swap_proposed_by TEXT;
ALTER TABLE rooms ADD COLUMN swap_proposed_at INTEGER;
CREATE TABLE IF NOT EXISTS feedback (
  room_id TEXT NOT NULL REFERENCES rooms(id),
  round INTEGER NOT NULL,
  kind TEXT NOT NULL,
  author_id TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (room_id, round, kind)
);
`,
  // Images on the whiteboard: bytes here, only ids in the board document.
  `
CREATE TABLE IF NOT EXISTS files (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  mime_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_room_hash ON files(room_id, sha256);
`,
  // Rooms expire after a retention period without activity.
  `
ALTER TABLE rooms ADD COLUMN last_active_at INTEGER;
UPDATE rooms SET last_active_at = created_at;
CREATE INDEX IF NOT EXISTS rooms_by_activity ON rooms(last_active_at);
`,
];

interface RoomRow {
  id: string;
  round_type: string;
  language: string;
  creator_role: string;
  created_at: number;
  swap_proposed_by: string | null;
  swap_proposed_at: number | null;
  last_active_at: number | null;
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

interface FileRow {
  id: string;
  room_id: string;
  mime_type: string;
  sha256: string;
  size: number;
  uploaded_by: string;
  created_at: number;
}

function toFileInfo(row: FileRow): FileInfo {
  return {
    id: row.id,
    roomId: row.room_id,
    mimeType: row.mime_type,
    sha256: row.sha256,
    size: row.size,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

interface RoundRow {
  room_id: string;
  number: number;
  question_id: string | null;
  revealed_at: number | null;
  hint_times: string;
  starter_for: string | null;
  started_at: number;
  interviewer_id: string | null;
  candidate_id: string | null;
  ended_at: number | null;
  timer_duration_ms: number | null;
  timer_ends_at: number | null;
  timer_remaining_ms: number | null;
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
    interviewerId: row.interviewer_id,
    candidateId: row.candidate_id,
    endedAt: row.ended_at,
    timer: {
      durationMs: row.timer_duration_ms ?? 0,
      endsAt: row.timer_ends_at,
      remainingMs: row.timer_remaining_ms ?? row.timer_duration_ms ?? 0,
    },
  };
}

/** Column for each patchable round field; `timer` spans three columns. */
function roundColumns(patch: RoundPatch): Array<[string, unknown]> {
  const columns: Array<[string, unknown]> = [];
  if ('questionId' in patch) columns.push(['question_id', patch.questionId]);
  if ('revealedAt' in patch) columns.push(['revealed_at', patch.revealedAt]);
  if ('hintTimes' in patch) columns.push(['hint_times', JSON.stringify(patch.hintTimes ?? [])]);
  if ('starterFor' in patch) columns.push(['starter_for', patch.starterFor]);
  if ('interviewerId' in patch) columns.push(['interviewer_id', patch.interviewerId]);
  if ('candidateId' in patch) columns.push(['candidate_id', patch.candidateId]);
  if ('endedAt' in patch) columns.push(['ended_at', patch.endedAt]);
  if (patch.timer) {
    columns.push(['timer_duration_ms', patch.timer.durationMs]);
    columns.push(['timer_ends_at', patch.timer.endsAt]);
    columns.push(['timer_remaining_ms', patch.timer.remainingMs]);
  }
  return columns;
}

function toRoom(row: RoomRow): RoomRecord {
  return {
    id: row.id,
    roundType: row.round_type as RoomRecord['roundType'],
    language: row.language as RoomRecord['language'],
    creatorRole: row.creator_role as RoomRecord['creatorRole'],
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at ?? row.created_at,
    swapProposal:
      row.swap_proposed_by && row.swap_proposed_at !== null
        ? { by: row.swap_proposed_by, at: row.swap_proposed_at }
        : null,
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
    this.migrate();
    const db = this.db;
    this.stmt = {
      insertRoom: db.prepare(
        `INSERT INTO rooms (id, round_type, language, creator_role, created_at, last_active_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      touchRoom: db.prepare(
        'UPDATE rooms SET last_active_at = max(coalesce(last_active_at, 0), ?) WHERE id = ?',
      ),
      idleRooms: db.prepare<[number, number], { id: string }>(
        'SELECT id FROM rooms WHERE last_active_at < ? ORDER BY last_active_at LIMIT ?',
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
        `INSERT INTO rounds (room_id, number, question_id, revealed_at, hint_times, starter_for, started_at,
           interviewer_id, candidate_id, ended_at, timer_duration_ms, timer_ends_at, timer_remaining_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      currentRound: db.prepare<[string], RoundRow>(
        'SELECT * FROM rounds WHERE room_id = ? ORDER BY number DESC LIMIT 1',
      ),
      getRound: db.prepare<[string, number], RoundRow>(
        'SELECT * FROM rounds WHERE room_id = ? AND number = ?',
      ),
      listRounds: db.prepare<[string], RoundRow>('SELECT * FROM rounds WHERE room_id = ? ORDER BY number'),
      setSwap: db.prepare('UPDATE rooms SET swap_proposed_by = ?, swap_proposed_at = ? WHERE id = ?'),
      setRole: db.prepare('UPDATE participants SET role = ? WHERE id = ? AND room_id = ?'),
      saveFeedback: db.prepare(
        'INSERT INTO feedback (room_id, round, kind, author_id, submitted_at, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      listFeedback: db.prepare<
        [string],
        {
          room_id: string;
          round: number;
          kind: string;
          author_id: string;
          submitted_at: number;
          data: string;
        }
      >('SELECT * FROM feedback WHERE room_id = ? ORDER BY round, kind'),
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
      insertFile: db.prepare(
        `INSERT INTO files (id, room_id, mime_type, sha256, size, data, uploaded_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getFile: db.prepare<[string, string], FileRow & { data: Buffer }>(
        'SELECT * FROM files WHERE id = ? AND room_id = ?',
      ),
      findFileByHash: db.prepare<[string, string], FileRow>(
        `SELECT id, room_id, mime_type, sha256, size, uploaded_by, created_at
         FROM files WHERE room_id = ? AND sha256 = ? LIMIT 1`,
      ),
      roomFilesSize: db.prepare<[string], { total: number | null }>(
        'SELECT sum(size) AS total FROM files WHERE room_id = ?',
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] ?? '');
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  async createRoom(room: RoomRecord): Promise<void> {
    this.stmt.insertRoom.run(
      room.id,
      room.roundType,
      room.language,
      room.creatorRole,
      room.createdAt,
      room.lastActiveAt,
    );
    if (room.swapProposal) await this.setSwapProposal(room.id, room.swapProposal);
  }

  async getRoom(roomId: string): Promise<RoomRecord | null> {
    const row = this.stmt.getRoom.get(roomId);
    return row ? toRoom(row) : null;
  }

  async touchRoom(roomId: string, at: number): Promise<void> {
    this.stmt.touchRoom.run(at, roomId);
  }

  async listIdleRooms(before: number, limit: number): Promise<string[]> {
    return this.stmt.idleRooms.all(before, limit).map((row) => row.id);
  }

  async deleteRoom(roomId: string): Promise<void> {
    // Document names start with the room id and a dot: '/' is the next character, so this range
    // is exactly the room's documents and can use the (doc, seq) index.
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM doc_updates WHERE doc >= ? AND doc < ?').run(`${roomId}.`, `${roomId}/`);
      for (const table of ['files', 'feedback', 'timeline', 'rounds', 'participants']) {
        this.db.prepare(`DELETE FROM ${table} WHERE room_id = ?`).run(roomId);
      }
      this.db.prepare('DELETE FROM rooms WHERE id = ?').run(roomId);
    })();
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
    this.insertRound(r);
  }

  private insertRound(r: RoundRecord): void {
    this.stmt.insertRound.run(
      r.roomId,
      r.number,
      r.questionId,
      r.revealedAt,
      JSON.stringify(r.hintTimes),
      r.starterFor,
      r.startedAt,
      r.interviewerId,
      r.candidateId,
      r.endedAt,
      r.timer.durationMs,
      r.timer.endsAt,
      r.timer.remainingMs,
    );
  }

  async getRound(roomId: string, number: number): Promise<RoundRecord | null> {
    const row = this.stmt.getRound.get(roomId, number);
    return row ? toRound(row) : null;
  }

  async listRounds(roomId: string): Promise<RoundRecord[]> {
    return this.stmt.listRounds.all(roomId).map(toRound);
  }

  async setSwapProposal(roomId: string, proposal: { by: string; at: number } | null): Promise<void> {
    this.stmt.setSwap.run(proposal?.by ?? null, proposal?.at ?? null, roomId);
  }

  async swapSeatsAndStartRound(
    roomId: string,
    aId: string,
    bId: string,
    nextRound: RoundRecord,
  ): Promise<void> {
    this.db.transaction(() => {
      const a = this.stmt.getParticipant.get(aId);
      const b = this.stmt.getParticipant.get(bId);
      if (!a || !b || a.room_id !== roomId || b.room_id !== roomId) throw new Error('unknown participants');
      // Through observer, so the one-seat-per-role index never sees two of a kind.
      this.stmt.setRole.run('observer', a.id, roomId);
      this.stmt.setRole.run(a.role, b.id, roomId);
      this.stmt.setRole.run(b.role, a.id, roomId);
      this.stmt.setSwap.run(null, null, roomId);
      this.insertRound(nextRound);
    })();
  }

  async saveFeedback(f: FeedbackRecord): Promise<void> {
    try {
      this.stmt.saveFeedback.run(
        f.roomId,
        f.round,
        f.kind,
        f.authorId,
        f.submittedAt,
        JSON.stringify(f.data),
      );
    } catch (err) {
      if (isPrimaryKeyViolation(err)) throw new FeedbackExistsError();
      throw err;
    }
  }

  async listFeedback(roomId: string): Promise<FeedbackRecord[]> {
    return this.stmt.listFeedback.all(roomId).map((row) => ({
      roomId: row.room_id,
      round: row.round,
      kind: row.kind as FeedbackRecord['kind'],
      authorId: row.author_id,
      submittedAt: row.submitted_at,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }

  async getCurrentRound(roomId: string): Promise<RoundRecord | null> {
    const row = this.stmt.currentRound.get(roomId);
    return row ? toRound(row) : null;
  }

  async updateRound(roomId: string, number: number, patch: RoundPatch): Promise<void> {
    const columns = roundColumns(patch);
    if (columns.length === 0) return;
    const sets = columns.map(([column]) => `${column} = ?`).join(', ');
    const values = columns.map(([, value]) => value ?? null);
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

  async appendUpdates(batch: ReadonlyMap<string, readonly Uint8Array[]>): Promise<void> {
    // One commit for the whole batch: under load, per-document commits were a fifth of the
    // server's time (WAL frames and checkpoints per commit; see bench/README.md).
    this.db.transaction(() => {
      for (const [docName, updates] of batch) {
        for (const u of updates)
          this.stmt.appendUpdate.run(docName, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      }
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

  async saveFile(f: FileRecord): Promise<void> {
    this.stmt.insertFile.run(
      f.id,
      f.roomId,
      f.mimeType,
      f.sha256,
      f.size,
      Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength),
      f.uploadedBy,
      f.createdAt,
    );
  }

  async getFile(roomId: string, fileId: string): Promise<FileRecord | null> {
    const row = this.stmt.getFile.get(fileId, roomId);
    return row ? { ...toFileInfo(row), data: new Uint8Array(row.data) } : null;
  }

  async findFileByHash(roomId: string, sha256: string): Promise<FileInfo | null> {
    const row = this.stmt.findFileByHash.get(roomId, sha256);
    return row ? toFileInfo(row) : null;
  }

  async roomFilesSize(roomId: string): Promise<number> {
    return this.stmt.roomFilesSize.get(roomId)?.total ?? 0;
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

function isPrimaryKeyViolation(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    (err as { code: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    (err as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
