import { createHash, randomBytes } from 'node:crypto';
import {
  BOARD_FILE_MAX_BYTES,
  BOARD_ROOM_MAX_BYTES,
  type BoardFileType,
  type BoardFileUploaded,
} from '@mockloop/shared';
import type { FileRecord, Store } from '../store/Store.js';

/** Why an upload was refused, with the HTTP status that says so. */
export class FileRejected extends Error {
  constructor(
    readonly status: 413 | 415 | 507,
    message: string,
  ) {
    super(message);
    this.name = 'FileRejected';
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Images of a room's whiteboard. Bytes are kept in the store, keyed by an unguessable id that the
 * board document refers to; the same image added twice to a room is stored once. A room's images
 * together are capped so one room cannot fill the disk.
 */
export class FileService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
    /** All rooms' images together (FILES_TOTAL_BYTES): the disk budget of the whole server. */
    private readonly maxTotalBytes = Number.POSITIVE_INFINITY,
    private readonly onStoreFull: () => void = () => {},
  ) {}

  /** Stores an image that has already been checked to be of `mimeType`. */
  async upload(
    roomId: string,
    uploadedBy: string,
    mimeType: BoardFileType,
    data: Uint8Array,
  ): Promise<BoardFileUploaded> {
    if (data.byteLength > BOARD_FILE_MAX_BYTES) {
      throw new FileRejected(
        413,
        `Images can be at most ${mib(BOARD_FILE_MAX_BYTES)}; this one is ${mib(data.byteLength)}.`,
      );
    }
    const sha256 = createHash('sha256').update(data).digest('base64url');
    const record: FileRecord = {
      id: randomBytes(16).toString('base64url'),
      roomId,
      mimeType,
      sha256,
      size: data.byteLength,
      data,
      uploadedBy,
      createdAt: this.now(),
    };
    // One transaction: the same image twice is stored once, and two uploads cannot both slip
    // under the room's cap.
    const saved = await this.store.saveFile(record, BOARD_ROOM_MAX_BYTES, this.maxTotalBytes);
    if (saved === 'store-full') {
      this.onStoreFull();
      throw new FileRejected(
        507,
        'This server has no room left for images (its operator set FILES_TOTAL_BYTES); the board works without them.',
      );
    }
    if (saved === 'full') {
      throw new FileRejected(
        413,
        `This room's images already take up the ${mib(BOARD_ROOM_MAX_BYTES)} a room can hold.`,
      );
    }
    return { fileId: saved.id, mimeType, size: saved.size };
  }

  get(roomId: string, fileId: string): Promise<FileRecord | null> {
    return this.store.getFile(roomId, fileId);
  }
}
