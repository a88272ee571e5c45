import { API, type PublicQuestion, type PublicTrack } from '@mockloop/shared';
import express from 'express';
import { sendError } from '../errors.js';

/**
 * The bank's public side: prompts, tags, starter code, public tests. Never rubric, hints,
 * follow-ups, hidden tests or solutions (P-PRIV-3): the views are built from allow-lists.
 */
export function bankRoutes(
  questions: readonly PublicQuestion[],
  tracks: readonly PublicTrack[],
): express.Router {
  const router = express.Router();
  router.get(API.questions, (_req, res) => {
    res.json(questions);
  });
  router.get('/api/questions/:id', (req, res) => {
    const question = questions.find((q) => q.id === req.params.id);
    if (!question) return sendError(res, 404, { code: 'NOT_FOUND', message: 'No such question.' });
    res.json(question);
  });
  router.get(API.tracks, (_req, res) => {
    res.json(tracks);
  });
  router.get('/api/tracks/:id', (req, res) => {
    const track = tracks.find((t) => t.id === req.params.id);
    if (!track) return sendError(res, 404, { code: 'NOT_FOUND', message: 'No such track.' });
    res.json(track);
  });
  return router;
}
