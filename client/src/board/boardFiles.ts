import type { BinaryFileData, DataURL } from '@excalidraw/excalidraw/types';
import { BOARD_API, type BoardFileUploaded, type ErrorBody } from '@mockloop/shared';
import type { BoardElement } from './excalidrawScene';

/**
 * Uploads an image pasted or dropped on the board and answers with its server id, which
 * Excalidraw then uses as the element's fileId (`generateIdForFile`): the bytes live on the
 * server before any element refers to them, and never enter the document (P-BOARD-3). A refusal
 * (over 3 MiB, not an image) throws with the server's message, which Excalidraw shows.
 */
export async function uploadBoardFile(roomId: string, secret: string, file: File): Promise<string> {
  let res: Response;
  try {
    res = await fetch(BOARD_API.files(roomId), {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new Error('Could not upload the image: the server is unreachable. Try again in a moment.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: ErrorBody } | undefined;
    throw new Error(body?.error?.message ?? `Could not upload the image (${res.status}).`);
  }
  return ((await res.json()) as BoardFileUploaded).fileId;
}

/** The parts of Excalidraw's API the loader uses. */
export interface FileSink {
  getFiles(): Record<string, unknown>;
  addFiles(files: BinaryFileData[]): void;
}

const RETRY_MS = 3000;

/**
 * Fetches the images that elements refer to and the editor does not hold yet (peers' images, or
 * mine after a refresh), with the participant secret, and hands them to Excalidraw.
 */
export class BoardFileLoader {
  private readonly requested = new Set<string>();
  private destroyed = false;

  constructor(
    private readonly sink: FileSink,
    private readonly roomId: string,
    private readonly secret: string,
  ) {}

  /** Starts fetching what is missing; settles once those fetches have (the picture waits for it). */
  load(elements: readonly BoardElement[]): Promise<void> {
    const held = this.sink.getFiles();
    const started: Promise<void>[] = [];
    for (const element of elements) {
      if (element.type !== 'image' || !element.fileId || element.isDeleted) continue;
      const id = element.fileId;
      if (held[id] || this.requested.has(id)) continue;
      this.requested.add(id);
      started.push(
        this.fetchOne(id).catch(() => {
          // Offline or restarting: let a later call try again.
          setTimeout(() => this.requested.delete(id), RETRY_MS);
        }),
      );
    }
    return Promise.all(started).then(() => undefined);
  }

  destroy(): void {
    this.destroyed = true;
  }

  private async fetchOne(id: string): Promise<void> {
    const res = await fetch(BOARD_API.file(this.roomId, id), {
      headers: { authorization: `Bearer ${this.secret}` },
    });
    if (!res.ok) throw new Error(`image ${id}: ${res.status}`);
    const blob = await res.blob();
    const dataURL = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    if (this.destroyed) return;
    this.sink.addFiles([
      {
        id: id as BinaryFileData['id'],
        dataURL: dataURL as DataURL,
        mimeType: blob.type as BinaryFileData['mimeType'],
        created: Date.now(),
      },
    ]);
  }
}
