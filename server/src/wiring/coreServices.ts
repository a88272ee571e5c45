import os from 'node:os';
import { DocTokens } from '../auth/DocTokens.js';
import { clusterServices } from '../cluster/ClusterServices.js';
import { DEFAULT_LIMITS } from '../config/Limits.js';
import { DocManager } from '../documents/DocManager.js';
import { Readiness } from '../health/Readiness.js';
import { compileTrust } from '../limits/clientAddress.js';
import { silentLogger } from '../logging/createLogger.js';
import { redact } from '../logging/redact.js';
import { Metrics } from '../metrics/Metrics.js';
import { loadQuestionBank } from '../questions/loadQuestionBank.js';
import { InMemoryPresence } from '../rooms/Presence.js';
import { RoomActivity } from '../rooms/RoomActivity.js';
import { RoomService } from '../rooms/RoomService.js';
import { openStore } from '../store/openStore.js';
import type { AppOptions } from './AppOptions.js';

/**
 * What every plane stands on, in the order it must open: the bank (a bad file fails start-up
 * here), the store, the token key kept in it, the cluster's shared services, then rooms and
 * documents. No listener, no socket.
 */
export async function openCoreServices(options: AppOptions) {
  const log = options.log ?? silentLogger();
  const metrics = options.metrics ?? new Metrics();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const trust = compileTrust(options.trustProxy ?? 'loopback');
  const nodeId = options.nodeId ?? `${os.hostname()}-${process.pid}`;
  const bank = await loadQuestionBank(options.questionsDir);
  const store =
    options.store ??
    (await openStore({
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl,
      databaseSchema: options.databaseSchema,
    }));
  const tokens = await DocTokens.load(store, options.tokenSecret, { ttlMs: options.docTokenTtlMs });
  const cluster = await clusterServices({
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    databaseUrl: options.databaseUrl,
  });
  const presence = new InMemoryPresence();
  const activity = new RoomActivity(store, (err) => log.warn({ err }, 'could not record room activity'));
  const rooms = new RoomService(store, tokens, presence);
  const docs = new DocManager(store, {
    onError: (err, name) => log.error({ err, doc: redact(name) }, 'document failed'),
    log: (message) => log.warn(redact(message)),
    metrics,
    loadBudgetMs: limits.docLoadBudgetMs,
    history: limits.history,
    onActivity: (roomId) => activity.touch(roomId),
    leases: cluster.leases,
    ...options.docs,
  });
  const readiness = new Readiness([{ name: 'store', check: () => store.ping() }, ...cluster.checks]);
  return {
    log,
    metrics,
    limits,
    trust,
    nodeId,
    bank,
    store,
    cluster,
    presence,
    activity,
    rooms,
    docs,
    readiness,
  };
}

export type CoreServices = Awaited<ReturnType<typeof openCoreServices>>;
