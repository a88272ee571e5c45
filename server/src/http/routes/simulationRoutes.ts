import { API, CreateSimulationRequest, type CreateSimulationResponse } from '@mockloop/shared';
import express from 'express';
import type { PerIpLimiter } from '../../limits/PerIpLimiter.js';
import type { Metrics } from '../../metrics/Metrics.js';
import type { SimulationService } from '../../simulation/SimulationService.js';
import { notJoined, sendError } from '../errors.js';
import type { requestParticipant } from '../requestParticipant.js';

export interface SimulationRoutesOptions {
  simulation: SimulationService;
  /** Solo rooms count against the same hourly limit as any room (P-ROOM-4). */
  roomCreation: PerIpLimiter;
  metrics: Metrics;
  bearer: ReturnType<typeof requestParticipant>;
}

/** Creating a solo room with a simulated interviewer, and its brief after the self-assessment. */
export function simulationRoutes(options: SimulationRoutesOptions): express.Router {
  const { simulation, roomCreation, metrics, bearer } = options;
  const router = express.Router();

  // 8 KiB as for rooms: a loop's `seen` list may hold many ids.
  router.post(API.simulations, express.json({ limit: '8kb' }), async (req, res) => {
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
    const parsed = CreateSimulationRequest.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      sendError(res, 400, {
        code: 'BAD_REQUEST',
        message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
      });
      return;
    }
    const body: CreateSimulationResponse = await simulation.create(parsed.data);
    res.status(201).json(body);
  });

  // The candidate's own secret only: a report key never opens the brief early or late (P-SIM-5).
  router.get('/api/rooms/:roomId/simulation/brief', async (req, res) => {
    const participant = await bearer(req);
    if (!participant) return notJoined(res);
    res.json(await simulation.brief(participant));
  });
  return router;
}
