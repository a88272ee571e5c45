import {
  CreateReviewRequest,
  DisplayName,
  ReviewCommentInput,
  ROOM_ID_PATTERN,
  ScorecardInput,
} from '@mockloop/shared';
import express, { type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Reviewer, ReviewService } from '../../review/ReviewService.js';
import { notJoined, sendError } from '../errors.js';
import type { requestParticipant } from '../requestParticipant.js';

export interface ReviewRoutesOptions {
  reviews: ReviewService;
  /** The candidate: their secret (a report key may list the reviews, never make or revoke one). */
  bearer: ReturnType<typeof requestParticipant>;
}

const ReviewScorecard = ScorecardInput.extend({ by: DisplayName });

/**
 * A friend's review (P-REVIEW-1..4): the candidate's review links, and what a review key opens,
 * comments on and scores. A review key is a bearer like a report key, checked against its row
 * on every request, so a revoked key is refused at once.
 */
export function reviewRoutes({ reviews, bearer }: ReviewRoutesOptions): express.Router {
  const router = express.Router();
  const json = express.json({ limit: '8kb' });

  router.post('/api/rooms/:roomId/reviews', json, async (req, res) => {
    const candidate = await bearer(req);
    if (!candidate) return notJoined(res);
    const body = parse(CreateReviewRequest, req.body, res);
    if (body) res.status(201).json(await reviews.create(candidate, body.round));
  });
  router.get('/api/rooms/:roomId/reviews', async (req, res) => {
    const candidate = await bearer(req, { reportKey: true });
    if (!candidate) return notJoined(res);
    res.json(await reviews.list(candidate));
  });
  router.delete('/api/rooms/:roomId/reviews/:reviewId', async (req, res) => {
    const candidate = await bearer(req);
    if (!candidate) return notJoined(res);
    await reviews.revoke(candidate, String(req.params.reviewId));
    res.status(204).end();
  });

  const reviewer = async (req: Request, res: Response): Promise<Reviewer | null> => {
    const roomId = String(req.params.roomId);
    const key = /^Bearer (\S{1,128})$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    const found = ROOM_ID_PATTERN.test(roomId) ? await reviews.authorize(roomId, key) : null;
    if (!found) {
      sendError(res, 401, { code: 'NOT_JOINED', message: 'This review link is not valid, or was revoked.' });
    }
    return found;
  };
  router.get('/api/rooms/:roomId/review', async (req, res) => {
    const who = await reviewer(req, res);
    if (who) res.json(await reviews.view(who));
  });
  router.post('/api/rooms/:roomId/review/comments', json, async (req, res) => {
    const who = await reviewer(req, res);
    const body = who && parse(ReviewCommentInput, req.body, res);
    if (!who || !body) return;
    await reviews.comment(who, body);
    res.status(201).json(await reviews.view(who));
  });
  router.post('/api/rooms/:roomId/review/scorecard', json, async (req, res) => {
    const who = await reviewer(req, res);
    const body = who && parse(ReviewScorecard, req.body, res);
    if (!who || !body) return;
    const { by, ...scorecard } = body;
    await reviews.scorecard(who, scorecard, by);
    res.status(201).json(await reviews.view(who));
  });
  return router;
}

/** The body parsed by `schema`, or null after answering 400 naming the field. */
function parse<S extends z.ZodType>(schema: S, body: unknown, res: Response): z.infer<S> | null {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  sendError(res, 400, {
    code: 'BAD_REQUEST',
    message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
  });
  return null;
}
