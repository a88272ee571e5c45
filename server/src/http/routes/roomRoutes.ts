import { API, CreateRoomRequest, type CreateRoomResponse, ROOM_ID_PATTERN, ROUTES } from '@mockloop/shared';
import express from 'express';
import type { InterviewService } from '../../interview/InterviewService.js';
import type { PerIpLimiter } from '../../limits/PerIpLimiter.js';
import type { Metrics } from '../../metrics/Metrics.js';
import type { QuestionBank } from '../../questions/loadQuestionBank.js';
import { firstRound } from '../../rooms/firstRound.js';
import type { RoomService } from '../../rooms/RoomService.js';
import type { ParticipantRecord } from '../../store/records.js';
import { notJoined, sendError } from '../errors.js';
import type { requestParticipant } from '../requestParticipant.js';

export interface RoomRoutesOptions {
  rooms: RoomService;
  interview: InterviewService;
  bank: QuestionBank;
  /** Base of invite links; defaults to the request's own origin. */
  publicUrl?: string;
  /** Rooms each address may create (P-ROOM-4). */
  roomCreation: PerIpLimiter;
  metrics: Metrics;
  /** Who the request's bearer is (a participant secret). */
  bearer: ReturnType<typeof requestParticipant>;
  /** Deleting a room on its people's request (P-ROOM-7). */
  deletion: {
    mayDelete: (participant: ParticipantRecord) => Promise<boolean>;
    delete: (roomId: string) => Promise<boolean>;
  };
}

/** Creating a room, its public summary, the interviewer's brief for tools, and deleting it. */
export function roomRoutes(options: RoomRoutesOptions): express.Router {
  const { rooms, interview, bank, publicUrl, roomCreation, metrics, bearer, deletion } = options;
  const router = express.Router();

  router.post(API.rooms, express.json({ limit: '8kb' }), async (req, res) => {
    const decision = await roomCreation.consume(req.ip ?? 'unknown');
    if (!decision.allowed) {
      metrics.refusals.inc({ limit: 'rooms_per_ip' });
      res.setHeader('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
      sendError(res, 429, {
        code: 'RATE_LIMITED',
        message: `Too many rooms created from your address; try again in ${Math.ceil(decision.retryAfterMs / 60_000)} min.`,
      });
      return;
    }
    const parsed = CreateRoomRequest.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      sendError(res, 400, {
        code: 'BAD_REQUEST',
        message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
      });
      return;
    }
    const { roomId, secret } = await rooms.createRoom(parsed.data, firstRound(parsed.data, bank));
    const base = publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const body: CreateRoomResponse = { roomId, inviteUrl: new URL(ROUTES.room(roomId), base).href, secret };
    res.status(201).json(body);
  });

  router.get('/api/rooms/:roomId', async (req, res) => {
    const roomId = req.params.roomId;
    const summary = ROOM_ID_PATTERN.test(roomId) ? await rooms.summary(roomId) : null;
    if (!summary) {
      sendError(res, 404, { code: 'NOT_FOUND', message: 'This room does not exist.' });
      return;
    }
    res.json(summary);
  });

  // The interviewer's brief over HTTP, for tools: the interviewer's seat, or nothing (P-PRIV-2).
  router.get('/api/rooms/:roomId/brief', async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    // The seat and the brief come from one read of the round: a swap in between cannot hand the
    // new round's brief to a role read before it (P-SEAT-1).
    const { interviewerId, brief } = await interview.interviewerBrief(participant.roomId);
    if (interviewerId !== participant.id) {
      return sendError(res, 403, { code: 'FORBIDDEN', message: 'Only the interviewer can read the brief.' });
    }
    res.json(brief);
  });

  // A seated person deletes the room with everything in it (P-ROOM-7); observers and report
  // keys cannot.
  router.delete('/api/rooms/:roomId', async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    if (!(await deletion.mayDelete(participant))) {
      return sendError(res, 403, {
        code: 'FORBIDDEN',
        message: 'Only the people seated in this room can delete it.',
      });
    }
    await deletion.delete(participant.roomId);
    res.status(204).end();
  });
  return router;
}
