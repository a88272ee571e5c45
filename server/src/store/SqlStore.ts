import type { Language, Role, SeatRole } from '@mockloop/shared';
import {
  type Checkpoint,
  FeedbackExistsError,
  type FeedbackRecord,
  type FileInfo,
  type FileRecord,
  type HistoryUsage,
  type LoopPlanRecord,
  type NewParticipant,
  type ParticipantRecord,
  type RoomRecord,
  type RoundPatch,
  type RoundRecord,
  type Store,
  type StoredDocument,
  type StoredUpdate,
  type TimelineRecord,
  type UpdateRow,
  type UpdateSpan,
  type Written,
} from './Store.js';
import type { SqlDb, SqlExecutor, SqlValue } from './sql/SqlDb.js';

interface RoomRow {
  id: string;
  round_type: string;
  language: string;
  creator_role: string;
  created_at: number;
  last_active_at: number | null;
  swap_proposed_by: string | null;
  swap_proposed_at: number | null;
  revision: number;
  /** The room's loop plan as JSON, or null. */
  loop_plan: string | null;
}

interface ParticipantRow {
  id: string;
  room_id: string;
  secret_hash: string;
  name: string;
  color: string;
  joined_at: number;
  /** From the current round's seats (see PARTICIPANT_SELECT). */
  seat: string | null;
}

interface RoundRow {
  room_id: string;
  number: number;
  round_type: string | null;
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
  plan_stage: number | null;
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

interface UpdateRowDb {
  seq: number;
  data: Uint8Array;
  at: number;
  author: string | null;
}

/** A participant with the role their current-round seat gives them (seats live on rounds only). */
const PARTICIPANT_SELECT = `
SELECT p.id, p.room_id, p.secret_hash, p.name, p.color, p.joined_at,
  CASE WHEN p.id = r.interviewer_id THEN 'interviewer' WHEN p.id = r.candidate_id THEN 'candidate' END AS seat
FROM participants p
LEFT JOIN rounds r ON r.room_id = p.room_id
  AND r.number = (SELECT max(number) FROM rounds x WHERE x.room_id = p.room_id)`;

/** Rows per INSERT statement when appending updates: one statement for most event-loop turns. */
const INSERT_CHUNK = 100;

function toRoom(row: RoomRow): RoomRecord {
  return {
    id: row.id,
    roundType: row.round_type as RoomRecord['roundType'],
    language: row.language as Language,
    creatorRole: row.creator_role as SeatRole,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at ?? row.created_at,
    swapProposal:
      row.swap_proposed_by && row.swap_proposed_at !== null
        ? { by: row.swap_proposed_by, at: row.swap_proposed_at }
        : null,
    revision: row.revision,
    loop: row.loop_plan ? (JSON.parse(row.loop_plan) as LoopPlanRecord) : null,
  };
}

function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    roomId: row.room_id,
    secretHash: row.secret_hash,
    name: row.name,
    role: (row.seat ?? 'observer') as Role,
    color: row.color,
    joinedAt: row.joined_at,
  };
}

function toRound(row: RoundRow, fallbackType: string): RoundRecord {
  return {
    roomId: row.room_id,
    number: row.number,
    roundType: (row.round_type ?? fallbackType) as RoundRecord['roundType'],
    questionId: row.question_id,
    revealedAt: row.revealed_at,
    hintTimes: JSON.parse(row.hint_times) as number[],
    starterFor: row.starter_for,
    startedAt: row.started_at,
    interviewerId: row.interviewer_id,
    candidateId: row.candidate_id,
    endedAt: row.ended_at,
    planStage: row.plan_stage ?? null,
    timer: {
      durationMs: row.timer_duration_ms ?? 0,
      endsAt: row.timer_ends_at,
      remainingMs: row.timer_remaining_ms ?? row.timer_duration_ms ?? 0,
    },
  };
}

function toFileInfo(row: FileRow): FileInfo {
  return {
    id: row.id,
    roomId: row.room_id,
    mimeType: row.mime_type,
    sha256: row.sha256,
    size: Number(row.size),
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

/** Column for each patchable round field; `timer` spans three columns. */
function roundColumns(patch: RoundPatch): Array<[string, SqlValue]> {
  const columns: Array<[string, SqlValue]> = [];
  if ('questionId' in patch) columns.push(['question_id', patch.questionId ?? null]);
  if ('revealedAt' in patch) columns.push(['revealed_at', patch.revealedAt ?? null]);
  if ('hintTimes' in patch) columns.push(['hint_times', JSON.stringify(patch.hintTimes ?? [])]);
  if ('starterFor' in patch) columns.push(['starter_for', patch.starterFor ?? null]);
  if ('interviewerId' in patch) columns.push(['interviewer_id', patch.interviewerId ?? null]);
  if ('candidateId' in patch) columns.push(['candidate_id', patch.candidateId ?? null]);
  if ('endedAt' in patch) columns.push(['ended_at', patch.endedAt ?? null]);
  if (patch.timer) {
    columns.push(['timer_duration_ms', patch.timer.durationMs]);
    columns.push(['timer_ends_at', patch.timer.endsAt]);
    columns.push(['timer_remaining_ms', patch.timer.remainingMs]);
  }
  return columns;
}

/**
 * The Store contract (`CONTRACT.md`) over SQL, once for both databases: SQLite (`SqliteDb`) and
 * PostgreSQL (`PgDb`). Each multi-row step is one transaction; a read-modify-write step is an
 * UPDATE guarded by the room's revision, which it bumps; on PostgreSQL the room row is locked
 * (`FOR UPDATE`) where a step must see and change several rows together.
 */
export class SqlStore implements Store {
  constructor(readonly db: SqlDb) {}

  private get forUpdate(): string {
    return this.db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  }

  /** Bumps the room's revision if it is still `expected` (the optimistic lock). */
  private async bump(tx: SqlExecutor, roomId: string, expected: number): Promise<boolean> {
    return (
      (await tx.run('UPDATE rooms SET revision = revision + 1 WHERE id = ? AND revision = ?', [
        roomId,
        expected,
      ])) === 1
    );
  }

  /** Bumps the room's revision whatever it is (a change that needs no read first). */
  private async touchRevision(tx: SqlExecutor, roomId: string): Promise<void> {
    await tx.run('UPDATE rooms SET revision = revision + 1 WHERE id = ?', [roomId]);
  }

  private async insertRound(tx: SqlExecutor, r: RoundRecord): Promise<void> {
    await tx.run(
      `INSERT INTO rounds (room_id, number, round_type, question_id, revealed_at, hint_times, starter_for, started_at,
         interviewer_id, candidate_id, ended_at, timer_duration_ms, timer_ends_at, timer_remaining_ms, plan_stage)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.roomId,
        r.number,
        r.roundType,
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
        r.planStage,
      ],
    );
  }

  private async insertParticipant(tx: SqlExecutor, p: NewParticipant, ordinal: number): Promise<void> {
    await tx.run(
      `INSERT INTO participants (id, room_id, secret_hash, name, color, joined_at, ordinal)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [p.id, p.roomId, p.secretHash, p.name, p.color, p.joinedAt, ordinal],
    );
  }

  async createRoom(
    room: RoomRecord,
    players: Array<NewParticipant & { seat: SeatRole }>,
    firstRound: RoundRecord,
  ): Promise<void> {
    const seat = (role: SeatRole) => players.find((p) => p.seat === role)?.id ?? null;
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO rooms (id, round_type, language, creator_role, created_at, last_active_at,
           swap_proposed_by, swap_proposed_at, revision, loop_plan)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          room.id,
          room.roundType,
          room.language,
          room.creatorRole,
          room.createdAt,
          room.lastActiveAt,
          room.swapProposal?.by ?? null,
          room.swapProposal?.at ?? null,
          room.revision,
          room.loop ? JSON.stringify(room.loop) : null,
        ],
      );
      for (const [i, player] of players.entries()) await this.insertParticipant(tx, player, i);
      await this.insertRound(tx, {
        ...firstRound,
        interviewerId: firstRound.interviewerId ?? seat('interviewer'),
        candidateId: firstRound.candidateId ?? seat('candidate'),
      });
    });
  }

  async getRoom(roomId: string): Promise<RoomRecord | null> {
    const row = await this.db.get<RoomRow>('SELECT * FROM rooms WHERE id = ?', [roomId]);
    return row ? toRoom(row) : null;
  }

  async updateRoom(
    roomId: string,
    patch: { language?: Language; swapProposal?: RoomRecord['swapProposal'] },
    expected: number,
  ): Promise<Written> {
    const sets: string[] = [];
    const values: SqlValue[] = [];
    if (patch.language !== undefined) {
      sets.push('language = ?');
      values.push(patch.language);
    }
    if (patch.swapProposal !== undefined) {
      sets.push('swap_proposed_by = ?', 'swap_proposed_at = ?');
      values.push(patch.swapProposal?.by ?? null, patch.swapProposal?.at ?? null);
    }
    const changed = await this.db.run(
      `UPDATE rooms SET ${[...sets, 'revision = revision + 1'].join(', ')} WHERE id = ? AND revision = ?`,
      [...values, roomId, expected],
    );
    return changed === 1 ? 'written' : 'conflict';
  }

  async touchRoom(roomId: string, at: number): Promise<void> {
    await this.db.run('UPDATE rooms SET last_active_at = ? WHERE id = ? AND last_active_at < ?', [
      at,
      roomId,
      at,
    ]);
  }

  async listIdleRooms(before: number, limit: number): Promise<string[]> {
    const rows = await this.db.all<{ id: string }>(
      'SELECT id FROM rooms WHERE last_active_at < ? ORDER BY last_active_at LIMIT ?',
      [before, limit],
    );
    return rows.map((row) => row.id);
  }

  async deleteRoom(roomId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Document names start with the room id and a dot: '/' is the next character, so this range
      // is exactly the room's documents and can use the (doc, seq) index.
      for (const table of ['doc_updates', 'doc_checkpoints']) {
        await tx.run(`DELETE FROM ${table} WHERE doc >= ? AND doc < ?`, [`${roomId}.`, `${roomId}/`]);
      }
      for (const table of ['files', 'feedback', 'timeline', 'rounds', 'participants']) {
        await tx.run(`DELETE FROM ${table} WHERE room_id = ?`, [roomId]);
      }
      await tx.run('DELETE FROM rooms WHERE id = ?', [roomId]);
    });
  }

  async seatNewcomer(participant: NewParticipant, maxParticipants: number): Promise<Role | 'full'> {
    return this.db.transaction(async (tx) => {
      // Locks the room: newcomers of one room are seated one at a time, whichever node they reach.
      const room = await tx.get<{ id: string }>(`SELECT id FROM rooms WHERE id = ?${this.forUpdate}`, [
        participant.roomId,
      ]);
      if (!room) throw new Error(`no room ${participant.roomId}`);
      const count =
        (
          await tx.get<{ n: number }>('SELECT count(*) AS n FROM participants WHERE room_id = ?', [
            participant.roomId,
          ])
        )?.n ?? 0;
      if (Number(count) >= maxParticipants) return 'full';
      await this.insertParticipant(tx, participant, Number(count));
      const current = await tx.get<{ number: number }>(
        'SELECT max(number) AS number FROM rounds WHERE room_id = ?',
        [participant.roomId],
      );
      let role: Role = 'observer';
      for (const seat of ['interviewer', 'candidate'] as const) {
        const taken = await tx.run(
          `UPDATE rounds SET ${seat}_id = ? WHERE room_id = ? AND number = ? AND ${seat}_id IS NULL`,
          [participant.id, participant.roomId, current?.number ?? 0],
        );
        if (taken === 1) {
          role = seat;
          break;
        }
      }
      await this.touchRevision(tx, participant.roomId);
      return role;
    });
  }

  async getParticipant(participantId: string): Promise<ParticipantRecord | null> {
    const row = await this.db.get<ParticipantRow>(`${PARTICIPANT_SELECT} WHERE p.id = ?`, [participantId]);
    return row ? toParticipant(row) : null;
  }

  async findParticipantBySecret(roomId: string, secretHash: string): Promise<ParticipantRecord | null> {
    const row = await this.db.get<ParticipantRow>(
      `${PARTICIPANT_SELECT} WHERE p.room_id = ? AND p.secret_hash = ?`,
      [roomId, secretHash],
    );
    return row ? toParticipant(row) : null;
  }

  async listParticipants(roomId: string): Promise<ParticipantRecord[]> {
    const rows = await this.db.all<ParticipantRow>(
      `${PARTICIPANT_SELECT} WHERE p.room_id = ? ORDER BY p.ordinal, p.joined_at`,
      [roomId],
    );
    return rows.map(toParticipant);
  }

  async renameParticipant(participantId: string, name: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await tx.get<{ room_id: string }>('SELECT room_id FROM participants WHERE id = ?', [
        participantId,
      ]);
      if (!row) return;
      await tx.run('UPDATE participants SET name = ? WHERE id = ?', [name, participantId]);
      await this.touchRevision(tx, row.room_id);
    });
  }

  private async roundsWhere(where: string, params: SqlValue[]): Promise<RoundRecord[]> {
    const rows = await this.db.all<RoundRow & { room_round_type: string }>(
      `SELECT r.*, m.round_type AS room_round_type FROM rounds r JOIN rooms m ON m.id = r.room_id WHERE ${where}`,
      params,
    );
    return rows.map((row) => toRound(row, row.room_round_type));
  }

  async getCurrentRound(roomId: string): Promise<RoundRecord | null> {
    const [round] = await this.roundsWhere(
      'r.room_id = ? AND r.number = (SELECT max(number) FROM rounds x WHERE x.room_id = r.room_id)',
      [roomId],
    );
    return round ?? null;
  }

  async getRound(roomId: string, number: number): Promise<RoundRecord | null> {
    const [round] = await this.roundsWhere('r.room_id = ? AND r.number = ?', [roomId, number]);
    return round ?? null;
  }

  async listRounds(roomId: string): Promise<RoundRecord[]> {
    return this.roundsWhere('r.room_id = ? ORDER BY r.number', [roomId]);
  }

  async updateRound(roomId: string, number: number, patch: RoundPatch, expected: number): Promise<Written> {
    const columns = roundColumns(patch);
    return this.db.transaction(async (tx) => {
      if (!(await this.bump(tx, roomId, expected))) return 'conflict';
      if (columns.length > 0) {
        await tx.run(
          `UPDATE rounds SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE room_id = ? AND number = ?`,
          [...columns.map(([, v]) => v), roomId, number],
        );
      }
      return 'written';
    });
  }

  async startNextRound(
    roomId: string,
    ending: { number: number; patch: RoundPatch },
    next: RoundRecord,
    expected: number,
  ): Promise<Written> {
    const columns = roundColumns(ending.patch);
    return this.db.transaction(async (tx) => {
      if (!(await this.bump(tx, roomId, expected))) return 'conflict';
      if (columns.length > 0) {
        await tx.run(
          `UPDATE rounds SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE room_id = ? AND number = ?`,
          [...columns.map(([, v]) => v), roomId, ending.number],
        );
      }
      await tx.run('UPDATE rooms SET swap_proposed_by = NULL, swap_proposed_at = NULL WHERE id = ?', [
        roomId,
      ]);
      await this.insertRound(tx, next);
      return 'written';
    });
  }

  async saveFeedback(f: FeedbackRecord): Promise<void> {
    await this.db.transaction(async (tx) => {
      const inserted = await tx.run(
        `INSERT INTO feedback (room_id, round, kind, author_id, submitted_at, data) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (room_id, round, kind) DO NOTHING`,
        [f.roomId, f.round, f.kind, f.authorId, f.submittedAt, JSON.stringify(f.data)],
      );
      if (inserted === 0) throw new FeedbackExistsError();
      await this.touchRevision(tx, f.roomId);
    });
  }

  async listFeedback(roomId: string): Promise<FeedbackRecord[]> {
    const rows = await this.db.all<{
      room_id: string;
      round: number;
      kind: string;
      author_id: string;
      submitted_at: number;
      data: string;
    }>('SELECT * FROM feedback WHERE room_id = ? ORDER BY round, kind', [roomId]);
    return rows.map((row) => ({
      roomId: row.room_id,
      round: row.round,
      kind: row.kind as FeedbackRecord['kind'],
      authorId: row.author_id,
      submittedAt: row.submitted_at,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }

  async appendEvent(e: TimelineRecord): Promise<void> {
    await this.db.run('INSERT INTO timeline (room_id, round, at, type, data) VALUES (?, ?, ?, ?, ?)', [
      e.roomId,
      e.round,
      e.at,
      e.type,
      JSON.stringify(e.data),
    ]);
  }

  async listEvents(roomId: string): Promise<TimelineRecord[]> {
    const rows = await this.db.all<{
      room_id: string;
      round: number;
      at: number;
      type: string;
      data: string;
    }>('SELECT room_id, round, at, type, data FROM timeline WHERE room_id = ? ORDER BY seq', [roomId]);
    return rows.map((row) => ({
      roomId: row.room_id,
      round: row.round,
      at: row.at,
      type: row.type,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }

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

  async saveFile(
    f: FileRecord,
    maxRoomBytes: number,
    maxTotalBytes = Number.POSITIVE_INFINITY,
  ): Promise<FileInfo | 'full' | 'store-full'> {
    return this.db.transaction(async (tx) => {
      // The room row is locked so two uploads cannot both fit under the cap.
      await tx.get(`SELECT id FROM rooms WHERE id = ?${this.forUpdate}`, [f.roomId]);
      const same = await tx.get<FileRow>(
        `SELECT id, room_id, mime_type, sha256, size, uploaded_by, created_at
         FROM files WHERE room_id = ? AND sha256 = ? LIMIT 1`,
        [f.roomId, f.sha256],
      );
      if (same) return toFileInfo(same);
      const total = Number(
        (
          await tx.get<{ total: number | null }>('SELECT sum(size) AS total FROM files WHERE room_id = ?', [
            f.roomId,
          ])
        )?.total ?? 0,
      );
      if (total + f.size > maxRoomBytes) return 'full';
      // All rooms together (FILES_TOTAL_BYTES): concurrent uploads to other rooms may each pass
      // this check on PostgreSQL, so the budget can be passed by at most one image per room.
      if (Number.isFinite(maxTotalBytes) && (await this.sumFileBytes(tx)) + f.size > maxTotalBytes)
        return 'store-full';
      await tx.run(
        `INSERT INTO files (id, room_id, mime_type, sha256, size, data, uploaded_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [f.id, f.roomId, f.mimeType, f.sha256, f.size, f.data, f.uploadedBy, f.createdAt],
      );
      const { data: _bytes, ...info } = f;
      return info;
    });
  }

  async filesTotalBytes(): Promise<number> {
    return this.sumFileBytes(this.db);
  }

  private async sumFileBytes(db: SqlExecutor): Promise<number> {
    return Number(
      (await db.get<{ total: number | null }>('SELECT sum(size) AS total FROM files'))?.total ?? 0,
    );
  }

  async ping(): Promise<void> {
    await this.db.get('SELECT 1 AS one');
  }

  async getFile(roomId: string, fileId: string): Promise<FileRecord | null> {
    const row = await this.db.get<FileRow & { data: Uint8Array }>(
      'SELECT * FROM files WHERE id = ? AND room_id = ?',
      [fileId, roomId],
    );
    return row ? { ...toFileInfo(row), data: new Uint8Array(row.data) } : null;
  }

  async getMeta(key: string): Promise<string | null> {
    return (
      (await this.db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value ?? null
    );
  }

  async getOrCreateMeta(key: string, value: string): Promise<string> {
    await this.db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
      key,
      value,
    ]);
    return (await this.getMeta(key)) ?? value;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

function toStoredUpdate(row: UpdateRowDb): StoredUpdate {
  // A Buffer is a Uint8Array already: no copy.
  return { seq: Number(row.seq), data: row.data, at: row.at, author: row.author };
}
