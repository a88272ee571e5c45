import { BOARD_FILE_ID_PATTERN, BOARD_FILE_MAX_BYTES, BoardFileType, type ErrorBody } from '@mockloop/shared';
import express, { type Request, type Response } from 'express';
import { FileRejected, type FileService } from '../../files/FileService.js';
import { looksLike } from '../../files/sniffImage.js';
import type { RoomService } from '../../rooms/RoomService.js';
import type { requestParticipant } from '../requestParticipant.js';

export interface FileRoutesOptions {
  rooms: RoomService;
  files: FileService;
  /** Who the request speaks for (requestParticipant.ts). */
  participantOf: ReturnType<typeof requestParticipant>;
}

const ACCEPTED = 'PNG, JPEG, GIF, WebP or SVG';
const readRaw = express.raw({ type: () => true, limit: BOARD_FILE_MAX_BYTES });

function sendError(res: Response, status: number, code: ErrorBody['code'], message: string): void {
  res.status(status).json({ error: { code, message } satisfies ErrorBody });
}

/** The body as bytes, at most the file cap; rejects with body-parser's error (status 413 etc.). */
function readBody(req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    readRaw(req, res, (err?: unknown) => {
      if (err) reject(err);
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}

/**
 * Whiteboard images (P-BOARD-3). `POST /api/rooms/:roomId/files` with the participant secret as
 * bearer and the image as the body: only the current round's players, only image types (415),
 * at most 3 MiB (413). `GET /api/rooms/:roomId/files/:fileId`: any participant of the room, by
 * secret or report key (P-PRIV-6). The browser fetches images with it and hands them to
 * Excalidraw, so no URL alone opens one.
 */
export function fileRoutes({ rooms, files, participantOf }: FileRoutesOptions): express.Router {
  const router = express.Router();

  router.post('/api/rooms/:roomId/files', async (req, res) => {
    const participant = await participantOf(req);
    if (!participant) return sendError(res, 401, 'NOT_JOINED', 'Present your participant secret.');
    if (!(await rooms.isCurrentPlayer(participant))) {
      return sendError(res, 403, 'FORBIDDEN', 'Only the two players of the current round can add images.');
    }
    // Type and declared size are checked before a byte of the body is read.
    const type = BoardFileType.safeParse((req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase());
    if (!type.success) {
      return sendError(res, 415, 'BAD_REQUEST', `Only ${ACCEPTED} images can be added to the board.`);
    }
    const declared = Number(req.get('content-length') ?? Number.NaN);
    if (declared > BOARD_FILE_MAX_BYTES) {
      return sendError(res, 413, 'BAD_REQUEST', tooLarge(declared));
    }
    let body: Buffer;
    try {
      body = await readBody(req, res);
    } catch (err) {
      const status = typeof err === 'object' && err && 'status' in err ? Number(err.status) : 400;
      if (status === 413) return sendError(res, 413, 'BAD_REQUEST', tooLarge());
      return sendError(res, 400, 'BAD_REQUEST', 'The upload could not be read.');
    }
    if (body.byteLength === 0) return sendError(res, 400, 'BAD_REQUEST', 'The image is empty.');
    if (!looksLike(type.data, body)) {
      return sendError(res, 415, 'BAD_REQUEST', `This file is not a valid ${type.data} image.`);
    }
    try {
      const uploaded = await files.upload(participant.roomId, participant.id, type.data, body);
      res.status(201).json(uploaded);
    } catch (err) {
      if (err instanceof FileRejected) return sendError(res, err.status, 'BAD_REQUEST', err.message);
      throw err;
    }
  });

  router.get('/api/rooms/:roomId/files/:fileId', async (req, res) => {
    // A report key may read images too: the replay's board shows them (P-PRIV-6); and so may a
    // review key, whose replay shows the board (P-REVIEW-2).
    const participant = await participantOf(req, { reportKey: true, anyReviewRound: true });
    if (!participant) return sendError(res, 401, 'NOT_JOINED', 'Present your participant secret.');
    const fileId = String(req.params.fileId);
    const file = BOARD_FILE_ID_PATTERN.test(fileId) ? await files.get(participant.roomId, fileId) : null;
    if (!file) return sendError(res, 404, 'NOT_FOUND', 'No such image in this room.');
    res.set({
      'Content-Type': file.mimeType,
      'Content-Length': String(file.size),
      // Ids are never reused, so the bytes behind one never change.
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // An SVG opened directly must not run script in our origin.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
    res.end(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
  });

  return router;
}

function tooLarge(bytes?: number): string {
  const cap = `${BOARD_FILE_MAX_BYTES / 1024 / 1024} MiB`;
  return bytes
    ? `Images can be at most ${cap}; this one is ${(bytes / 1024 / 1024).toFixed(1)} MiB.`
    : `Images can be at most ${cap}.`;
}
