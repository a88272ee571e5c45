import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The SQLite file of a data folder (as `openStore` names it). */
export const sqliteFileIn = (dataDir: string) => path.join(dataDir, 'mockloop.sqlite');

/** What a backup or a restore checked in the copy it made or used. */
export interface BackupCheck {
  bytes: number;
  rooms: number;
  schemaVersion: number;
}

/**
 * Copies a live SQLite database with SQLite's online backup API, page by page, while the server
 * keeps writing: the copy is one consistent moment of the database (a write during the copy
 * makes SQLite restart it from the top), including what is still only in the WAL.
 */
export async function backupSqlite(
  source: string,
  destination: string,
  onProgress?: (percent: number) => void,
): Promise<BackupCheck> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source}.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        if (totalPages > 0) onProgress?.(Math.round((100 * (totalPages - remainingPages)) / totalPages));
        return 1000; // pages per step: the server's own writes get the file between steps
      },
    });
  } finally {
    db.close();
  }
  return checkBackup(destination);
}

/** Opens a backup read-only and checks it: SQLite's integrity check and Mockloop's schema. */
export function checkBackup(file: string): BackupCheck {
  if (!fs.existsSync(file)) throw new Error(`There is no backup at ${file}.`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} is damaged: ${String(integrity)}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const hasRooms = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rooms'").get();
    if (schemaVersion < 1 || !hasRooms) throw new Error(`${file} is not a Mockloop database.`);
    const rooms = (db.prepare('SELECT count(*) AS n FROM rooms').get() as { n: number }).n;
    return { bytes: fs.statSync(file).size, rooms, schemaVersion };
  } finally {
    db.close();
  }
}

/**
 * Puts a checked backup in place of the data folder's database, keeping the database it replaces
 * beside it (`mockloop.sqlite.before-restore-<time>`). The server must be stopped: its pid file
 * says when it is not (see `serverPidFile`).
 */
export function restoreSqlite(
  backup: string,
  dataDir: string,
  now = new Date(),
): BackupCheck & { kept?: string } {
  const check = checkBackup(backup);
  const running = runningServerPid(dataDir);
  if (running !== null) {
    throw new Error(`A Mockloop server (pid ${running}) is using ${dataDir}: stop it first, then restore.`);
  }
  const target = sqliteFileIn(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  let kept: string | undefined;
  if (fs.existsSync(target)) {
    kept = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    // The WAL holds the newest pages: fold it into the file before it is set aside.
    const db = new Database(target);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.renameSync(target, kept);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(backup, target);
  return { ...check, kept };
}

/** The file a running server keeps its pid in, in its data folder (one SQLite server per folder). */
export const serverPidFile = (dataDir: string) => path.join(dataDir, 'mockloop.pid');

/** The pid of a server still running on this data folder, or null. */
export function runningServerPid(dataDir: string): number | null {
  let pid: number;
  try {
    // The first line; the second is the server's internal listener (runningServerUrl).
    pid = Number(fs.readFileSync(serverPidFile(dataDir), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // a pid file left by a crash
  }
}

/** The internal listener of the server running on this data folder (from its pid file), or null. */
export function runningServerUrl(dataDir: string): string | null {
  if (runningServerPid(dataDir) === null) return null;
  const url = fs.readFileSync(serverPidFile(dataDir), 'utf8').split('\n')[1]?.trim();
  return url || null;
}
