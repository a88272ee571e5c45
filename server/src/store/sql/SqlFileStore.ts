import type { FileStore } from '../FileStore.js';
import type { FileInfo, FileRecord } from '../records.js';
import { storedFileBytes } from './fileBudget.js';
import type { SqlDb, SqlExecutor } from './SqlDb.js';
import { type FileRow, forUpdate, toFileInfo } from './sqlRows.js';

/** Board images over SQL, capped per room and in all (CONTRACT.md, S-FILE-1). */
export class SqlFileStore implements FileStore {
  constructor(readonly db: SqlDb) {}

  async saveFile(
    f: FileRecord,
    maxRoomBytes: number,
    maxTotalBytes = Number.POSITIVE_INFINITY,
  ): Promise<FileInfo | 'full' | 'store-full'> {
    return this.db.transaction(async (tx) => {
      // The room row is locked so two uploads cannot both fit under the cap.
      await tx.get(`SELECT id FROM rooms WHERE id = ?${forUpdate(this.db)}`, [f.roomId]);
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
      // All rooms together (FILES_TOTAL_BYTES, recordings included): concurrent uploads to other rooms may each pass
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

  private sumFileBytes(db: SqlExecutor): Promise<number> {
    return storedFileBytes(db);
  }

  async getFile(roomId: string, fileId: string): Promise<FileRecord | null> {
    const row = await this.db.get<FileRow & { data: Uint8Array }>(
      'SELECT * FROM files WHERE id = ? AND room_id = ?',
      [fileId, roomId],
    );
    return row ? { ...toFileInfo(row), data: new Uint8Array(row.data) } : null;
  }
}
