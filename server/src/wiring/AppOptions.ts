import type { IceSettings } from '../call/iceServers.js';
import type { Limits } from '../config/Limits.js';
import type { DocManagerOptions } from '../documents/DocManager.js';
import type { RunnerSettings } from '../execution/runnerSettings.js';
import type { RecordingLimits } from '../files/recordingLimits.js';
import type { Logger } from '../logging/createLogger.js';
import type { Metrics } from '../metrics/Metrics.js';
import type { OwnQuestionLimits } from '../ownQuestions/ownQuestionLimits.js';
import type { Store } from '../store/Store.js';

/** How createApp is set up: main.ts passes the configuration; tests pass what they need. */
export interface AppOptions {
  dataDir: string;
  /** The question bank folder; loading fails start-up with file, field and reason. */
  questionsDir: string;
  clientDir?: string;
  publicUrl?: string;
  tokenSecret?: string;
  /** Use this store instead of SQLite under dataDir (or PostgreSQL at databaseUrl). */
  store?: Store;
  /** PostgreSQL connection string: the scaled mode's shared store (and the rooms' owner leases). */
  databaseUrl?: string;
  /** Redis: the lobby, rate limits and Socket.IO events shared by every node. */
  redisUrl?: string;
  /** The prefix of every Redis key (default `mockloop:`). */
  redisPrefix?: string;
  /** This node's name in `x-mockloop-node` and /healthz (default: the host name and pid). */
  nodeId?: string;
  /** A PostgreSQL schema to use (created if missing). */
  databaseSchema?: string;
  docs?: DocManagerOptions;
  /** How long a matched person has to open the room (default 60 s). */
  lobbyArrivalMs?: number;
  /** How long document tokens open connections (default DOC_TOKEN_TTL_MS; tests shorten it). */
  docTokenTtlMs?: number;
  /** Bounds on visitors (rates, budgets, timeouts, retention); default DEFAULT_LIMITS. */
  limits?: Limits;
  /** My questions' bounds (P-MYQ-3); tests lower them. */
  ownQuestionLimits?: Partial<OwnQuestionLimits>;
  /** Voice recordings' bounds (P-AUDIO-2); tests lower them. */
  recordingLimits?: Partial<RecordingLimits>;
  /** Browser origins allowed on the WebSocket planes; default: PUBLIC_URL's, else the request's host. */
  allowedOrigins?: string[];
  /** Host names the public listener answers to besides PUBLIC_URL's and loopback names (ALLOWED_HOSTS). */
  allowedHosts?: string[];
  /** The operators' listener (`/internal/rooms`): port (default 0, any free one) and interface (default 127.0.0.1). */
  internalPort?: number;
  internalHost?: string;
  /** Proxies whose X-Forwarded-For is believed: `loopback`, addresses or CIDRs, or `none` (default loopback). */
  trustProxy?: string;
  /** ICE servers and TURN for the call (ICE_SERVERS, TURN_URLS, TURN_SECRET); default none. */
  ice?: IceSettings;
  /** Where the server logs (pino); default: nothing. main.ts passes the configured logger. */
  log?: Logger;
  /** The Prometheus metrics served on the internal listener; default: a fresh set. */
  metrics?: Metrics;
  /** FILES_TOTAL_BYTES: all rooms' images and voice recordings together (default 10 GiB). */
  filesTotalBytes?: number;
  /** The server-side runner (RUNNER_*); default: sandboxes in this process where the machine allows. */
  runner?: RunnerSettings;
  /** SIM_MINUTE_MS: one minute of a simulated interviewer's round (default 60,000; tests shorten it). */
  simMinuteMs?: number;
}
