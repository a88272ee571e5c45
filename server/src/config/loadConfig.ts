import os from 'node:os';
import { SERVER_LANGUAGES, type ServerLanguage } from '@mockloop/shared';
import type { IceSettings } from '../call/iceServers.js';
import type { RunnerSettings } from '../execution/runnerSettings.js';
import { DEFAULT_SANDBOX_LIMITS } from '../execution/SandboxExecutor.js';
import { ConfigError, describeValue } from './ConfigError.js';
import type { Limits } from './Limits.js';
import { SETTINGS, type SettingName, type Settings } from './settings.js';

/** The server's configuration, read from the environment by `loadConfig` (README, Configuration). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  questionsDir: string;
  clientDir: string;
  publicUrl?: string;
  /** Key for document tokens and report links; generated and kept in the store when unset. */
  tokenSecret?: string;
  /** Document manager settings (DOC_UNLOAD_GRACE_MS: how long an unused document stays loaded). */
  docs: { unloadGraceMs: number };
  /** LOBBY_ARRIVAL_MS: how long a lobby match waits for both people to arrive. */
  lobbyArrivalMs: number;
  simMinuteMs: number;
  /** Rates, budgets, timeouts and retention. */
  limits: Limits;
  /** TRUST_PROXY: proxies whose X-Forwarded-For is believed (Express `trust proxy` syntax). */
  trustProxy: string;
  allowedOrigins?: string[];
  allowedHosts?: string[];
  internalPort: number;
  internalHost: string;
  databaseUrl?: string;
  databaseSchema?: string;
  redisUrl?: string;
  redisPrefix: string;
  nodeId?: string;
  ice: IceSettings;
  log: { level: string; format: 'json' | 'pretty' };
  /** FILES_TOTAL_BYTES: all rooms' images together. */
  filesTotalBytes: number;
  /** DRAIN_DELAY_MS: after SIGTERM, how long the node answers /readyz 503 before handing rooms over. */
  drainDelayMs: number;
  /** RUNNER_*: the server-side runner for Java, C++, Go and Python + numpy. */
  runner: RunnerSettings;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Parses every variable of SETTINGS from `env`; throws a ConfigError (one line: the variable, its
 * value, what is allowed) on the first bad one. `stdoutIsTty` picks the default log format.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTty = false): Config {
  const s = parseSettings(env);
  crossCheck(s);
  return {
    port: s.PORT,
    host: s.HOST,
    dataDir: s.DATA_DIR,
    questionsDir: s.QUESTIONS_DIR,
    clientDir: s.CLIENT_DIR,
    publicUrl: s.PUBLIC_URL,
    tokenSecret: s.TOKEN_SECRET,
    docs: { unloadGraceMs: s.DOC_UNLOAD_GRACE_MS },
    lobbyArrivalMs: s.LOBBY_ARRIVAL_MS,
    simMinuteMs: s.SIM_MINUTE_MS,
    limits: {
      roomsPerIpPerHour: s.ROOMS_PER_IP_PER_HOUR,
      lobbyEntriesPerIpPerHour: s.LOBBY_ENTRIES_PER_IP_PER_HOUR,
      connectionsPerIp: s.CONNECTIONS_PER_IP,
      joinTimeoutMs: s.JOIN_TIMEOUT_MS,
      controlEventsPerSecond: s.CONTROL_EVENTS_PER_SECOND,
      controlEventBurst: s.CONTROL_EVENT_BURST,
      controlStrikes: 20,
      doc: {
        messagesPerSecond: s.DOC_MESSAGES_PER_SECOND,
        messageBurst: s.DOC_MESSAGE_BURST,
        bytesPerSecond: s.DOC_BYTES_PER_SECOND,
        byteBurst: s.DOC_BYTE_BURST,
        applyMsPerSecond: s.DOC_APPLY_MS_PER_SECOND,
        applyMsBurst: 1000,
      },
      docAssemblyBytes: s.DOC_ASSEMBLY_BYTES,
      docAssemblyDeadlineMs: s.DOC_ASSEMBLY_DEADLINE_MS,
      docLoadBudgetMs: s.DOC_LOAD_BUDGET_MS,
      history: {
        perDocumentBytes: s.HISTORY_BYTES_PER_DOCUMENT,
        perPersonBytes: s.HISTORY_BYTES_PER_PERSON,
        perRoomBytes: s.HISTORY_BYTES_PER_ROOM,
      },
      roundsPerRoom: s.ROUNDS_PER_ROOM,
      headersTimeoutMs: s.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: s.REQUEST_TIMEOUT_MS,
      roomRetentionMs: s.ROOM_RETENTION_DAYS * DAY_MS,
    },
    trustProxy: s.TRUST_PROXY,
    allowedOrigins: s.ALLOWED_ORIGINS,
    allowedHosts: s.ALLOWED_HOSTS,
    internalPort: s.INTERNAL_PORT,
    internalHost: s.INTERNAL_HOST,
    databaseUrl: s.DATABASE_URL,
    databaseSchema: s.DATABASE_SCHEMA,
    redisUrl: s.REDIS_URL,
    redisPrefix: s.REDIS_PREFIX,
    nodeId: s.NODE_ID,
    ice: {
      iceServers: s.ICE_SERVERS,
      turn:
        s.TURN_URLS && s.TURN_SECRET
          ? { urls: s.TURN_URLS, secret: s.TURN_SECRET, ttlSeconds: s.TURN_TTL_SECONDS }
          : undefined,
      relayOnly: s.ICE_TRANSPORT_POLICY === 'relay',
    },
    log: { level: s.LOG_LEVEL, format: s.LOG_FORMAT ?? (stdoutIsTty ? 'pretty' : 'json') },
    filesTotalBytes: s.FILES_TOTAL_BYTES,
    drainDelayMs: s.DRAIN_DELAY_MS ?? (s.DATABASE_URL ? 2000 : 0),
    runner: runnerSettingsFrom(s),
  };
}

/** Each variable parsed by its own schema; unset or empty takes the default. */
export function parseSettings(env: NodeJS.ProcessEnv): Settings {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const def = SETTINGS[name];
    const raw = env[name];
    if (raw === undefined || raw === '') {
      out[name] = def.fallback;
      continue;
    }
    const parsed = (def.schema as { safeParse(v: string): { success: boolean; data?: unknown } }).safeParse(
      raw,
    );
    if (!parsed.success) {
      throw new ConfigError(`${name}=${describeValue(raw, def.secret)} is not allowed: ${def.allowed}.`);
    }
    out[name] = parsed.data;
  }
  return out as Settings;
}

/** Rules across variables. */
function crossCheck(s: Settings): void {
  if (s.TURN_URLS && !s.TURN_SECRET)
    throw new ConfigError("TURN_URLS is set but TURN_SECRET is not: give coturn's static-auth-secret too.");
  if (s.TURN_SECRET && !s.TURN_URLS)
    throw new ConfigError('TURN_SECRET is set but TURN_URLS is not: list the turn: URLs it is for.');
  if (s.HEADERS_TIMEOUT_MS > s.REQUEST_TIMEOUT_MS)
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS=${s.HEADERS_TIMEOUT_MS} is not allowed: at most REQUEST_TIMEOUT_MS (${s.REQUEST_TIMEOUT_MS}).`,
    );
  if (s.DATABASE_SCHEMA && !s.DATABASE_URL)
    throw new ConfigError('DATABASE_SCHEMA is set but DATABASE_URL is not: a schema is for PostgreSQL.');
}

/** The runner's settings from the parsed environment (server/src/config, RUNNER_*). */
function runnerSettingsFrom(s: Settings): RunnerSettings {
  return {
    mode: s.RUNNER_MODE ?? (s.REDIS_URL ? 'queue' : 'local'),
    // Each item was checked against SERVER_LANGUAGES by the setting's schema.
    languages: (s.RUNNER_LANGUAGES as ServerLanguage[] | undefined) ?? [...SERVER_LANGUAGES],
    concurrency: s.RUNNER_CONCURRENCY ?? Math.max(1, os.availableParallelism()),
    queueMax: s.RUNNER_QUEUE_MAX,
    runsPerMinute: s.RUNNER_RUNS_PER_MINUTE,
    roomSecondsPerHour: s.RUNNER_ROOM_SECONDS,
    addressSecondsPerHour: s.RUNNER_ADDRESS_SECONDS,
    queueWaitMs: s.RUNNER_QUEUE_WAIT_SECONDS * 1000,
    limits: {
      ...DEFAULT_SANDBOX_LIMITS,
      memoryBytes: s.RUNNER_MEMORY_MB * 1024 * 1024,
      processes: s.RUNNER_PROCESSES,
      compileMs: s.RUNNER_COMPILE_SECONDS * 1000,
      cpus: s.RUNNER_CPUS,
    },
    cacheDir: s.RUNNER_CACHE_DIR,
  };
}

/** The runner's settings from an environment (a runner worker reads nothing else); throws a ConfigError. */
export function loadRunnerSettings(env: NodeJS.ProcessEnv = process.env): RunnerSettings {
  return runnerSettingsFrom(parseSettings(env));
}
