import { RECORDING_ID_PATTERN, RecordingType, StartRecordingRequest } from '@mockloop/shared';
import express, { type Request, type Response } from 'express';
import { RecordingRefused, type RecordingService } from '../../files/RecordingService.js';
import { notJoined, roundNumber, sendError } from '../errors.js';
import type { requestParticipant } from '../requestParticipant.js';

export interface RecordingRoutesOptions {
  recordings: RecordingService;
  /** The largest piece, in bytes (checked before the body is read). */
  pieceBytes: number;
  /** Who the request's bearer is: a participant secret, or a report or review key where allowed. */
  bearer: ReturnType<typeof requestParticipant>;
}

/** Piece numbers a recording may reach: far past the cap's count of pieces, never unbounded. */
const MAX_PIECE_NUMBER = 1_000_000;

/**
 * Think out loud, recorded (P-AUDIO-1..4). Recording is by participant secret only (the seat's
 * own voice); listening follows the replay's access (P-REPLAY-1, P-PRIV-6, P-REVIEW-2): a
 * participant's secret or report key, or a review key of that round.
 */
export function recordingRoutes({ recordings, pieceBytes, bearer }: RecordingRoutesOptions): express.Router {
  const router = express.Router();
  const json = express.json({ limit: '1kb' });
  const readRaw = express.raw({ type: () => true, limit: pieceBytes });
  const refused = (res: Response, err: unknown) => {
    if (!(err instanceof RecordingRefused)) throw err;
    const body = { code: err.code, message: err.message };
    res
      .status(err.status)
      .json(err.nextPiece === undefined ? { error: body } : { error: body, next: err.nextPiece });
  };

  router.post('/api/rooms/:roomId/recordings', json, async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    const body = StartRecordingRequest.safeParse(req.body);
    if (!body.success) {
      return sendError(res, 400, {
        code: 'BAD_REQUEST',
        message: 'Say which audio type: audio/webm or audio/ogg.',
      });
    }
    try {
      res.status(201).json(await recordings.start(participant, body.data.mimeType));
    } catch (err) {
      refused(res, err);
    }
  });

  router.put('/api/rooms/:roomId/recordings/:recordingId/pieces/:seq', async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    const piece = pieceRequest(req, res, pieceBytes);
    if (!piece) return;
    const { recordingId, seq, type } = piece;
    let body: Buffer;
    try {
      body = await readBody(readRaw, req, res);
    } catch (err) {
      const status = typeof err === 'object' && err && 'status' in err ? Number(err.status) : 400;
      if (status === 413) return tooLarge(res, pieceBytes);
      return sendError(res, 400, { code: 'BAD_REQUEST', message: 'The piece could not be read.' });
    }
    try {
      res.status(201).json(await recordings.addPiece(participant, recordingId, seq, type, body));
    } catch (err) {
      refused(res, err);
    }
  });

  const listener = (req: Request) => {
    const round = roundNumber(req.params.round);
    return { round, who: bearer(req, { reportKey: true, reviewRound: round ?? undefined }) };
  };

  router.get('/api/rooms/:roomId/rounds/:round/recordings', async (req, res) => {
    const { round, who } = listener(req);
    const viewer = await who;
    if (!viewer) return notJoined(res);
    if (!round) return sendError(res, 404, { code: 'NOT_FOUND', message: 'There is no such round.' });
    try {
      res.json({ recordings: await recordings.list(viewer, round) });
    } catch (err) {
      refused(res, err);
    }
  });

  router.get('/api/rooms/:roomId/rounds/:round/recordings/:recordingId', async (req, res) => {
    const { round, who } = listener(req);
    const viewer = await who;
    if (!viewer) return notJoined(res);
    const recordingId = String(req.params.recordingId);
    if (!round || !RECORDING_ID_PATTERN.test(recordingId)) {
      return sendError(res, 404, { code: 'NOT_FOUND', message: 'No such recording in this round.' });
    }
    let opened: Awaited<ReturnType<RecordingService['open']>>;
    try {
      opened = await recordings.open(viewer, round, recordingId);
    } catch (err) {
      return refused(res, err);
    }
    await streamRecording(res, opened);
  });

  return router;
}

/** Sends a recording's pieces in order, as one audio file, waiting on a slow reader. */
async function streamRecording(
  res: Response,
  opened: Awaited<ReturnType<RecordingService['open']>>,
): Promise<void> {
  res.set({
    'Content-Type': opened.recording.mimeType,
    'Content-Length': String(opened.recording.bytes),
    // A recording grows while its round runs; the bytes are private to the room.
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
    // Opened directly, it is a file to play, never a page.
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  for await (const piece of opened.pieces) {
    if (res.destroyed) return;
    if (!res.write(piece)) {
      await new Promise((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  }
  res.end();
}

/**
 * A piece upload's recording, number and type, checked before a byte of the body is read (the
 * declared size too); undefined once the refusal is sent.
 */
function pieceRequest(req: Request, res: Response, pieceBytes: number) {
  const recordingId = String(req.params.recordingId);
  const seq = Number(req.params.seq);
  if (!RECORDING_ID_PATTERN.test(recordingId)) {
    sendError(res, 404, { code: 'NOT_FOUND', message: 'No such recording of yours in this room.' });
    return undefined;
  }
  if (!Number.isSafeInteger(seq) || seq < 0 || seq > MAX_PIECE_NUMBER) {
    sendError(res, 400, { code: 'BAD_REQUEST', message: 'A piece number (0, 1, 2…), please.' });
    return undefined;
  }
  const type = RecordingType.safeParse((req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase());
  if (!type.success) {
    sendError(res, 415, { code: 'BAD_REQUEST', message: 'Recordings are audio/webm or audio/ogg.' });
    return undefined;
  }
  if (Number(req.get('content-length') ?? 0) > pieceBytes) {
    tooLarge(res, pieceBytes);
    return undefined;
  }
  return { recordingId, seq, type: type.data };
}

function tooLarge(res: Response, pieceBytes: number): void {
  sendError(res, 413, { code: 'BAD_REQUEST', message: `A piece can be at most ${pieceBytes / 1024} KiB.` });
}

/** The body as bytes, at most the piece cap; rejects with body-parser's error (status 413 etc.). */
function readBody(readRaw: express.RequestHandler, req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    readRaw(req, res, (err?: unknown) => {
      if (err) reject(err);
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}
