import type { FileInfo, FileRecord } from './records.js';

/** Board images, with each room's and all rooms' byte caps (CONTRACT.md, "Files and meta"). */
export interface FileStore {
  /**
   * Stores an image unless the room already holds the same bytes (returns that one), the room's
   * images would pass `maxRoomBytes` (returns 'full') or all rooms' images would pass
   * `maxTotalBytes` (returns 'store-full'), in one transaction (S-FILE-1).
   */
  saveFile(
    file: FileRecord,
    maxRoomBytes: number,
    maxTotalBytes?: number,
  ): Promise<FileInfo | 'full' | 'store-full'>;
  /** The bytes all rooms' images and voice recordings hold (FILES_TOTAL_BYTES' budget). */
  filesTotalBytes(): Promise<number>;
  /** The file with this id in this room (null for another room's file: ids do not cross rooms). */
  getFile(roomId: string, fileId: string): Promise<FileRecord | null>;
}
