import { API } from '@mockloop/shared';
import express from 'express';
import type { Readiness } from '../../health/Readiness.js';

/** `/healthz`: the process is up. `/readyz`: whether to send this node rooms (503 while the store, Redis or the leases fail, or draining). */
export function healthRoutes(nodeId: string, readiness: Readiness): express.Router {
  const router = express.Router();
  router.get(API.health, (_req, res) => {
    res.json({ ok: true, node: nodeId });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await readiness.report();
    res.setHeader('Cache-Control', 'no-store');
    res.status(report.ready ? 200 : 503).json({ node: nodeId, ...report });
  });
  return router;
}
