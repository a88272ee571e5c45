import type { SqlExecutor } from './SqlDb.js';

/**
 * The bytes FILES_TOTAL_BYTES budgets: every room's board images and voice recordings together,
 * since both are files of a room that grow the disk.
 */
export async function storedFileBytes(db: SqlExecutor): Promise<number> {
  const row = await db.get<{ images: number | null; recordings: number | null }>(
    `SELECT (SELECT sum(size) FROM files) AS images, (SELECT sum(bytes) FROM recordings) AS recordings`,
  );
  return Number(row?.images ?? 0) + Number(row?.recordings ?? 0);
}
