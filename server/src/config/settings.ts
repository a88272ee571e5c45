import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOBBY_ARRIVAL_MS, SERVER_LANGUAGES } from '@mockloop/shared';
import { z } from 'zod';
import { IceServersJson } from '../call/iceServers.js';
import { DEFAULT_DOC_BUDGET } from '../documents/DocBudget.js';
import { DEFAULT_HISTORY_LIMITS } from '../documents/HistoryQuota.js';
import { DEFAULT_SANDBOX_LIMITS } from '../execution/SandboxExecutor.js';
import { compileTrust } from '../limits/clientAddress.js';
import { DEFAULT_LIMITS } from './Limits.js';
import {
  decimal,
  folder,
  json,
  list,
  oneOf,
  port,
  setting,
  text,
  url,
  type ValueOf,
  wholeNumber,
} from './settingTypes.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DAY_MS = 24 * 60 * 60 * 1000;
const MiB = 1024 * 1024;
const TiB = 1024 * 1024 * MiB;
/** A host name (`*.` allowed in front), as ALLOWED_HOSTS lists them. */
const hostName = z.string().regex(/^(\*\.)?[A-Za-z0-9._-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/);
const httpOrigin = url(['http:', 'https:'], '', true).schema;
const optional = undefined as string | undefined;

/**
 * Every environment variable the server reads, in one place: parsed, ranged and documented. The
 * README's configuration table lists exactly these with these defaults (checked by a unit test).
 * Add a variable here and to `Config` in loadConfig.ts.
 */
export const SETTINGS = {
  // Where it listens and what it serves.
  PORT: setting(port(), 3000),
  HOST: setting(text(/^[A-Za-z0-9.:_-]+$/, 'an IP address or host name to bind'), '0.0.0.0'),
  DATA_DIR: setting(folder(), path.resolve('data'), '`./data`'),
  QUESTIONS_DIR: setting(folder(), path.join(repoRoot, 'questions'), '`./questions`'),
  CLIENT_DIR: setting(folder(), path.join(repoRoot, 'client/dist'), '`./client/dist`'),
  PUBLIC_URL: setting(
    url(['http:', 'https:'], 'an http:// or https:// origin, e.g. https://mock.example.org', true),
    optional,
    'request origin',
  ),
  ALLOWED_ORIGINS: setting(
    list(httpOrigin, 'comma-separated http(s) origins'),
    undefined as string[] | undefined,
    "`PUBLIC_URL`'s origin",
  ),
  ALLOWED_HOSTS: setting(
    list(hostName, 'comma-separated host names (*.example.org allowed)'),
    undefined as string[] | undefined,
    "`PUBLIC_URL`'s host",
  ),
  INTERNAL_PORT: setting(port(), 0, '`0` (a free port, printed)'),
  INTERNAL_HOST: setting(text(/^[A-Za-z0-9.:_-]+$/, 'an IP address or host name to bind'), '127.0.0.1'),
  NODE_ID: setting(
    text(/^[A-Za-z0-9._-]{1,64}$/, '1-64 letters, digits, dots, dashes or underscores'),
    optional,
    'host name and pid',
  ),
  TRUST_PROXY: setting(
    {
      schema: z.string().refine((raw) => {
        try {
          compileTrust(raw);
          return true;
        } catch {
          return false;
        }
      }),
      allowed: 'comma-separated addresses or CIDRs, loopback, linklocal, uniquelocal, or none',
    },
    'loopback',
  ),
  // Logs.
  LOG_LEVEL: setting(oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  LOG_FORMAT: setting(
    oneOf(['json', 'pretty']),
    undefined as 'json' | 'pretty' | undefined,
    '`json` (`pretty` on a terminal)',
  ),
  // Secrets and the stores.
  TOKEN_SECRET: setting(
    text(/^.{16,}$/s, 'at least 16 characters'),
    optional,
    'generated, kept in the store',
    'whole',
  ),
  DATABASE_URL: setting(
    url(['postgres:', 'postgresql:'], 'a postgres:// or postgresql:// URL'),
    optional,
    '(SQLite)',
    'url',
  ),
  DATABASE_SCHEMA: setting(
    text(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a PostgreSQL identifier (letters, digits, _; 63 at most)'),
    optional,
    "(the connection's own)",
  ),
  REDIS_URL: setting(url(['redis:', 'rediss:'], 'a redis:// or rediss:// URL'), optional, '(none)', 'url'),
  REDIS_PREFIX: setting(text(/^\S{1,64}$/, '1-64 characters without spaces'), 'mockloop:'),
  // Rooms, the lobby and documents.
  LOBBY_ARRIVAL_MS: setting(wholeNumber(100, 3_600_000), LOBBY_ARRIVAL_MS),
  DOC_UNLOAD_GRACE_MS: setting(wholeNumber(0, 3_600_000), 30_000),
  ROOM_RETENTION_DAYS: setting(wholeNumber(1, 3650), DEFAULT_LIMITS.roomRetentionMs / DAY_MS),
  ROUNDS_PER_ROOM: setting(wholeNumber(1, 999), DEFAULT_LIMITS.roundsPerRoom),
  SIM_MINUTE_MS: setting(wholeNumber(100, 600_000), 60_000),
  FILES_TOTAL_BYTES: setting(wholeNumber(MiB, 64 * TiB), 10 * 1024 * MiB),
  DRAIN_DELAY_MS: setting(
    wholeNumber(0, 600_000),
    undefined as number | undefined,
    '`2000` with `DATABASE_URL`, else `0`',
  ),
  // Bounds on visitors (Limits).
  ROOMS_PER_IP_PER_HOUR: setting(wholeNumber(1, 100_000_000), DEFAULT_LIMITS.roomsPerIpPerHour),
  LOBBY_ENTRIES_PER_IP_PER_HOUR: setting(
    wholeNumber(1, 100_000_000),
    DEFAULT_LIMITS.lobbyEntriesPerIpPerHour,
  ),
  CONNECTIONS_PER_IP: setting(wholeNumber(1, 100_000_000), DEFAULT_LIMITS.connectionsPerIp),
  JOIN_TIMEOUT_MS: setting(wholeNumber(100, 3_600_000), DEFAULT_LIMITS.joinTimeoutMs),
  CONTROL_EVENTS_PER_SECOND: setting(wholeNumber(1, 1_000_000), DEFAULT_LIMITS.controlEventsPerSecond),
  CONTROL_EVENT_BURST: setting(wholeNumber(1, 10_000_000), DEFAULT_LIMITS.controlEventBurst),
  DOC_MESSAGES_PER_SECOND: setting(wholeNumber(1, 10_000_000), DEFAULT_DOC_BUDGET.messagesPerSecond),
  DOC_MESSAGE_BURST: setting(wholeNumber(1, 100_000_000), DEFAULT_DOC_BUDGET.messageBurst),
  DOC_BYTES_PER_SECOND: setting(wholeNumber(1024, 64 * TiB), DEFAULT_DOC_BUDGET.bytesPerSecond),
  DOC_BYTE_BURST: setting(wholeNumber(1024, 64 * TiB), DEFAULT_DOC_BUDGET.byteBurst),
  DOC_APPLY_MS_PER_SECOND: setting(wholeNumber(1, 1000), DEFAULT_DOC_BUDGET.applyMsPerSecond),
  DOC_ASSEMBLY_BYTES: setting(wholeNumber(0, 64 * TiB), DEFAULT_LIMITS.docAssemblyBytes),
  DOC_ASSEMBLY_DEADLINE_MS: setting(wholeNumber(100, 3_600_000), DEFAULT_LIMITS.docAssemblyDeadlineMs),
  DOC_LOAD_BUDGET_MS: setting(wholeNumber(10, 600_000), DEFAULT_LIMITS.docLoadBudgetMs),
  HISTORY_BYTES_PER_DOCUMENT: setting(wholeNumber(1, 64 * TiB), DEFAULT_HISTORY_LIMITS.perDocumentBytes),
  HISTORY_BYTES_PER_PERSON: setting(wholeNumber(1, 64 * TiB), DEFAULT_HISTORY_LIMITS.perPersonBytes),
  HISTORY_BYTES_PER_ROOM: setting(wholeNumber(1, 64 * TiB), DEFAULT_HISTORY_LIMITS.perRoomBytes),
  HEADERS_TIMEOUT_MS: setting(wholeNumber(100, 600_000), DEFAULT_LIMITS.headersTimeoutMs),
  REQUEST_TIMEOUT_MS: setting(wholeNumber(100, 3_600_000), DEFAULT_LIMITS.requestTimeoutMs),
  // The call.
  ICE_SERVERS: setting(
    json(IceServersJson, 'JSON: an array of {"urls": "stun:..." or "turn:...", "username"?, "credential"?}'),
    [] as z.infer<typeof IceServersJson>,
    '(none)',
    'whole',
  ),
  TURN_URLS: setting(
    list(z.string().regex(/^turns?:\S+$/), 'comma-separated turn: or turns: URLs'),
    undefined as string[] | undefined,
    '(none)',
  ),
  TURN_SECRET: setting(text(/^.+$/s, "coturn's static-auth-secret"), optional, '(none)', 'whole'),
  TURN_TTL_SECONDS: setting(wholeNumber(60, 7 * 24 * 3600), 3600),
  ICE_TRANSPORT_POLICY: setting(oneOf(['all', 'relay']), 'all'),
  // The server-side runner (Java, C++, Go, Python + numpy).
  RUNNER_MODE: setting(
    oneOf(['local', 'queue', 'off']),
    undefined as 'local' | 'queue' | 'off' | undefined,
    '`local` (`queue` with Redis)',
  ),
  RUNNER_LANGUAGES: setting(
    list(z.enum(SERVER_LANGUAGES), `comma-separated, from ${SERVER_LANGUAGES.join(',')}`),
    undefined as Array<(typeof SERVER_LANGUAGES)[number]> | undefined,
    'all four',
  ),
  RUNNER_CONCURRENCY: setting(wholeNumber(1, 256), undefined as number | undefined, 'cores'),
  RUNNER_QUEUE_MAX: setting(wholeNumber(0, 100_000), 32),
  RUNNER_QUEUE_WAIT_SECONDS: setting(wholeNumber(1, 3600), 60),
  RUNNER_RUNS_PER_MINUTE: setting(wholeNumber(1, 10_000), 12),
  RUNNER_ROOM_SECONDS: setting(wholeNumber(1, 1_000_000), 900),
  RUNNER_ADDRESS_SECONDS: setting(wholeNumber(1, 1_000_000), 1800),
  RUNNER_MEMORY_MB: setting(wholeNumber(64, 1_048_576), 512),
  RUNNER_PROCESSES: setting(wholeNumber(8, 100_000), DEFAULT_SANDBOX_LIMITS.processes),
  RUNNER_CPUS: setting(decimal(0.1, 256), DEFAULT_SANDBOX_LIMITS.cpus),
  RUNNER_COMPILE_SECONDS: setting(wholeNumber(1, 600), 30),
  RUNNER_CACHE_DIR: setting(folder(), optional, '`$TMPDIR/mockloop-runner`'),
};

export type SettingName = keyof typeof SETTINGS;
/** The parsed value of every variable. */
export type Settings = { [K in SettingName]: ValueOf<(typeof SETTINGS)[K]> };
