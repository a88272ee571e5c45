import type { Language, Role, SeatRole } from '@mockloop/shared';
import type { RoomStore } from '../RoomStore.js';
import {
  FeedbackExistsError,
  type FeedbackRecord,
  type NewParticipant,
  type ParticipantRecord,
  type RoomRecord,
  type RoundPatch,
  type RoundRecord,
  type TimelineRecord,
  type Written,
} from '../records.js';
import type { SqlDb, SqlExecutor, SqlValue } from './SqlDb.js';
import {
  forUpdate,
  PARTICIPANT_SELECT,
  type ParticipantRow,
  type RoomRow,
  type RoundRow,
  roundColumns,
  toParticipant,
  toRoom,
  toRound,
} from './sqlRows.js';

/**
 * Rooms, seats, rounds, feedback and timeline over SQL (CONTRACT.md, "Rooms and seats",
 * "Revisions"): each multi-row step is one transaction; a read-modify-write step is an UPDATE
 * guarded by the room's revision, which it bumps; on PostgreSQL the room row is locked
 * (`FOR UPDATE`) where a step must see and change several rows together.
 */
export class SqlRoomStore implements RoomStore {
  constructor(readonly db: SqlDb) {}

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
      for (const table of [
        // Pieces before their recordings, which they refer to.
        'recording_pieces',
        'recordings',
        'reviews',
        'simulations',
        'files',
        'feedback',
        'timeline',
        'rounds',
        'participants',
      ]) {
        await tx.run(`DELETE FROM ${table} WHERE room_id = ?`, [roomId]);
      }
      await tx.run('DELETE FROM rooms WHERE id = ?', [roomId]);
    });
  }

  async seatNewcomer(participant: NewParticipant, maxParticipants: number): Promise<Role | 'full'> {
    return this.db.transaction(async (tx) => {
      // Locks the room: newcomers of one room are seated one at a time, whichever node they reach.
      const room = await tx.get<{ id: string }>(`SELECT id FROM rooms WHERE id = ?${forUpdate(this.db)}`, [
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
}
