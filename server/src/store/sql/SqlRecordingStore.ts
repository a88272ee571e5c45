import type { RecordingStore } from '../RecordingStore.js';
import type { PieceRefusal, RecordingRecord } from '../records.js';
import { storedFileBytes } from './fileBudget.js';
import type { SqlDb } from './SqlDb.js';
import { forUpdate } from './sqlRows.js';

interface RecordingRow {
  id: string;
  room_id: string;
  round: number;
  participant_id: string;
  mime_type: string;
  started_at: number;
  last_at: number;
  pieces: number;
  bytes: number;
}

const toRecord = (row: RecordingRow): RecordingRecord => ({
  id: row.id,
  roomId: row.room_id,
  round: Number(row.round),
  participantId: row.participant_id,
  mimeType: row.mime_type,
  startedAt: Number(row.started_at),
  lastAt: Number(row.last_at),
  pieces: Number(row.pieces),
  bytes: Number(row.bytes),
});

/** Voice recordings over SQL: a row per recording, a row per piece (CONTRACT.md, S-AUDIO-1..2). */
export class SqlRecordingStore implements RecordingStore {
  constructor(readonly db: SqlDb) {}

  async startRecording(r: RecordingRecord, maxPerRound: number): Promise<RecordingRecord | 'too-many'> {
    return this.db.transaction(async (tx) => {
      // The room row is locked so two starts cannot both pass the count.
      await tx.get(`SELECT id FROM rooms WHERE id = ?${forUpdate(this.db)}`, [r.roomId]);
      const count = await tx.get<{ n: number }>(
        'SELECT count(*) AS n FROM recordings WHERE room_id = ? AND round = ? AND participant_id = ?',
        [r.roomId, r.round, r.participantId],
      );
      if (Number(count?.n ?? 0) >= maxPerRound) return 'too-many';
      await tx.run(
        `INSERT INTO recordings (id, room_id, round, participant_id, mime_type, started_at, last_at, pieces, bytes)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`,
        [r.id, r.roomId, r.round, r.participantId, r.mimeType, r.startedAt, r.startedAt],
      );
      return { ...r, lastAt: r.startedAt, pieces: 0, bytes: 0 };
    });
  }

  async appendRecordingPiece(
    piece: { roomId: string; recordingId: string; seq: number; data: Uint8Array; at: number },
    limits: { maxPersonRoundBytes: number; maxTotalBytes?: number },
  ): Promise<RecordingRecord | PieceRefusal> {
    return this.db.transaction(async (tx) => {
      // The room row is locked: pieces of one room (both people's) are stored one at a time, so
      // two copies of one piece, or two pieces racing for the last bytes, cannot both pass.
      await tx.get(`SELECT id FROM rooms WHERE id = ?${forUpdate(this.db)}`, [piece.roomId]);
      const row = await tx.get<RecordingRow>('SELECT * FROM recordings WHERE id = ? AND room_id = ?', [
        piece.recordingId,
        piece.roomId,
      ]);
      if (!row) return { refused: 'no-recording' };
      const recording = toRecord(row);
      if (piece.seq !== recording.pieces) return { refused: 'out-of-order', next: recording.pieces };
      const size = piece.data.byteLength;
      const person = await tx.get<{ total: number | null }>(
        'SELECT sum(bytes) AS total FROM recordings WHERE room_id = ? AND round = ? AND participant_id = ?',
        [recording.roomId, recording.round, recording.participantId],
      );
      if (Number(person?.total ?? 0) + size > limits.maxPersonRoundBytes) return { refused: 'full' };
      const budget = limits.maxTotalBytes ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(budget) && (await storedFileBytes(tx)) + size > budget) {
        return { refused: 'store-full' };
      }
      await tx.run(
        'INSERT INTO recording_pieces (recording_id, room_id, seq, size, data) VALUES (?, ?, ?, ?, ?)',
        [recording.id, recording.roomId, piece.seq, size, piece.data],
      );
      await tx.run('UPDATE recordings SET pieces = pieces + 1, bytes = bytes + ?, last_at = ? WHERE id = ?', [
        size,
        piece.at,
        recording.id,
      ]);
      return { ...recording, pieces: recording.pieces + 1, bytes: recording.bytes + size, lastAt: piece.at };
    });
  }

  async getRecording(roomId: string, recordingId: string): Promise<RecordingRecord | null> {
    const row = await this.db.get<RecordingRow>('SELECT * FROM recordings WHERE id = ? AND room_id = ?', [
      recordingId,
      roomId,
    ]);
    return row ? toRecord(row) : null;
  }

  async listRecordings(roomId: string, round: number): Promise<RecordingRecord[]> {
    const rows = await this.db.all<RecordingRow>(
      'SELECT * FROM recordings WHERE room_id = ? AND round = ? ORDER BY started_at, id',
      [roomId, round],
    );
    return rows.map(toRecord);
  }

  async loadRecordingPiece(recordingId: string, seq: number): Promise<Uint8Array | null> {
    const row = await this.db.get<{ data: Uint8Array }>(
      'SELECT data FROM recording_pieces WHERE recording_id = ? AND seq = ?',
      [recordingId, seq],
    );
    return row ? new Uint8Array(row.data) : null;
  }
}
