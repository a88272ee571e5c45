import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type IceSettings, iceSettingsFromEnv } from './call/iceServers.js';
import { type RunnerSettings, runnerSettingsFromEnv } from './execution/runnerSettings.js';
import { type Limits, limitsFromEnv } from './limits/Limits.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  questionsDir: string;
  clientDir: string;
  publicUrl?: string;
  /** Key for document tokens; generated and kept in the store when unset. */
  tokenSecret?: string;
  /** Document manager settings: DOC_UNLOAD_GRACE_MS shortens the 30 s unload grace (load tests). */
  docs?: { unloadGraceMs: number };
  /** LOBBY_ARRIVAL_MS: how long a lobby match waits for both people to arrive (tests shorten it). */
  lobbyArrivalMs?: number;
  /** Rates, budgets, timeouts and retention (README, Configuration). */
  limits: Limits;
  /** TRUST_PROXY: proxies whose X-Forwarded-For is believed (Express `trust proxy` syntax). */
  trustProxy: string;
  /** ALLOWED_ORIGINS: browser origins allowed on the WebSocket planes (comma-separated). */
  allowedOrigins?: string[];
  /** DATABASE_URL: PostgreSQL instead of SQLite (postgres://...); DATABASE_SCHEMA: its schema. */
  databaseUrl?: string;
  databaseSchema?: string;
  /** REDIS_URL: the lobby, rate limits and Socket.IO events shared by several nodes. */
  redisUrl?: string;
  /** REDIS_PREFIX: the prefix of every Redis key (default `mockloop:`). */
  redisPrefix?: string;
  /** NODE_ID: this node's name in `x-mockloop-node` (default: host name and pid). */
  nodeId?: string;
  /** ICE_SERVERS, TURN_URLS + TURN_SECRET, ICE_TRANSPORT_POLICY: how call peers find a route. */
  ice: IceSettings;
  /** RUNNER_*: the server-side runner for Java, C++, Go and Python + numpy. */
  runner: RunnerSettings;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Reads configuration from the environment, with embedded defaults that need no other service. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0-65535, got ${env.PORT}`);
  const unloadGraceMs = env.DOC_UNLOAD_GRACE_MS ? Number(env.DOC_UNLOAD_GRACE_MS) : undefined;
  if (unloadGraceMs !== undefined && !(Number.isInteger(unloadGraceMs) && unloadGraceMs >= 0))
    throw new Error(`DOC_UNLOAD_GRACE_MS must be a whole number of ms, got ${env.DOC_UNLOAD_GRACE_MS}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    questionsDir: path.resolve(env.QUESTIONS_DIR ?? path.join(here, '../../questions')),
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(here, '../../client/dist')),
    publicUrl: env.PUBLIC_URL || undefined,
    tokenSecret: env.TOKEN_SECRET || undefined,
    lobbyArrivalMs: env.LOBBY_ARRIVAL_MS ? Number(env.LOBBY_ARRIVAL_MS) : undefined,
    docs: unloadGraceMs === undefined ? undefined : { unloadGraceMs },
    limits: limitsFromEnv(env),
    trustProxy: env.TRUST_PROXY || 'loopback',
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || undefined,
    nodeId: env.NODE_ID || undefined,
    ice: iceSettingsFromEnv(env),
    runner: runnerSettingsFromEnv(env),
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    allowedOrigins: env.ALLOWED_ORIGINS
      ? env.ALLOWED_ORIGINS.split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : undefined,
  };
}
