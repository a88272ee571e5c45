import { DEFAULT_DOC_BUDGET, type DocBudgetLimits } from '../documents/DocBudget.js';
import { DEFAULT_HISTORY_LIMITS, type HistoryLimits } from '../documents/HistoryQuota.js';

/**
 * Every bound the server puts on its visitors, with its default. Each is overridable from the
 * environment (README, Configuration); tests and the load benchmark raise or lower them.
 */
export interface Limits {
  /** Rooms one IP address may create an hour over HTTP (`POST /api/rooms`). */
  roomsPerIpPerHour: number;
  /** Times one IP address may enter the lobby an hour (each match creates a room). */
  lobbyEntriesPerIpPerHour: number;
  /** Open connections (TCP, or WebSockets behind a trusted proxy) from one IP address. */
  connectionsPerIp: number;
  /** A control socket that has neither joined a room nor entered the lobby by then is closed. */
  joinTimeoutMs: number;
  /** Control events one socket may send: sustained per second, and in a burst. */
  controlEventsPerSecond: number;
  controlEventBurst: number;
  /** Refused events after which the socket is disconnected. */
  controlStrikes: number;
  /** Each document connection's budget of messages, bytes and apply time. */
  doc: DocBudgetLimits;
  /**
   * Bytes all document connections together may hold in messages still arriving in fragments
   * (P-DOC-12): a few large boards' first syncs at once.
   */
  docAssemblyBytes: number;
  /** How long one message in fragments may take to arrive whole. */
  docAssemblyDeadlineMs: number;
  /** Server time one document's load may take. */
  docLoadBudgetMs: number;
  /** Bytes of stored edits (the replay's rows) per document, per person in a room, per room (P-DOC-13). */
  history: HistoryLimits;
  /** Rounds one room may have (each has its own documents, timer and feedback). */
  roundsPerRoom: number;
  /** An HTTP request must send its headers within this, and finish within `requestTimeoutMs`. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Rooms are deleted this long after their last activity. */
  roomRetentionMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_LIMITS: Limits = {
  roomsPerIpPerHour: 30,
  lobbyEntriesPerIpPerHour: 60,
  connectionsPerIp: 256,
  joinTimeoutMs: 10_000,
  controlEventsPerSecond: 10,
  controlEventBurst: 40,
  controlStrikes: 20,
  doc: DEFAULT_DOC_BUDGET,
  docAssemblyBytes: 64 * 1024 * 1024,
  docAssemblyDeadlineMs: 30_000,
  docLoadBudgetMs: 3000,
  history: DEFAULT_HISTORY_LIMITS,
  roundsPerRoom: 24,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  roomRetentionMs: 30 * DAY_MS,
};

/** Environment variable for each limit; values are whole numbers (days for the retention). */
const ENV: Array<[string, (limits: Limits, value: number) => void]> = [
  ['ROOMS_PER_IP_PER_HOUR', (l, v) => (l.roomsPerIpPerHour = v)],
  ['LOBBY_ENTRIES_PER_IP_PER_HOUR', (l, v) => (l.lobbyEntriesPerIpPerHour = v)],
  ['CONNECTIONS_PER_IP', (l, v) => (l.connectionsPerIp = v)],
  ['JOIN_TIMEOUT_MS', (l, v) => (l.joinTimeoutMs = v)],
  ['CONTROL_EVENTS_PER_SECOND', (l, v) => (l.controlEventsPerSecond = v)],
  ['CONTROL_EVENT_BURST', (l, v) => (l.controlEventBurst = v)],
  ['DOC_MESSAGES_PER_SECOND', (l, v) => (l.doc.messagesPerSecond = v)],
  ['DOC_MESSAGE_BURST', (l, v) => (l.doc.messageBurst = v)],
  ['DOC_BYTES_PER_SECOND', (l, v) => (l.doc.bytesPerSecond = v)],
  ['DOC_BYTE_BURST', (l, v) => (l.doc.byteBurst = v)],
  ['DOC_APPLY_MS_PER_SECOND', (l, v) => (l.doc.applyMsPerSecond = v)],
  ['DOC_ASSEMBLY_BYTES', (l, v) => (l.docAssemblyBytes = v)],
  ['DOC_ASSEMBLY_DEADLINE_MS', (l, v) => (l.docAssemblyDeadlineMs = v)],
  ['DOC_LOAD_BUDGET_MS', (l, v) => (l.docLoadBudgetMs = v)],
  ['HISTORY_BYTES_PER_DOCUMENT', (l, v) => (l.history.perDocumentBytes = v)],
  ['HISTORY_BYTES_PER_PERSON', (l, v) => (l.history.perPersonBytes = v)],
  ['HISTORY_BYTES_PER_ROOM', (l, v) => (l.history.perRoomBytes = v)],
  ['ROUNDS_PER_ROOM', (l, v) => (l.roundsPerRoom = v)],
  ['HEADERS_TIMEOUT_MS', (l, v) => (l.headersTimeoutMs = v)],
  ['REQUEST_TIMEOUT_MS', (l, v) => (l.requestTimeoutMs = v)],
  ['ROOM_RETENTION_DAYS', (l, v) => (l.roomRetentionMs = v * DAY_MS)],
];

/** The defaults with whatever the environment overrides; throws on a value that is not a number. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const limits: Limits = {
    ...DEFAULT_LIMITS,
    doc: { ...DEFAULT_LIMITS.doc },
    history: { ...DEFAULT_LIMITS.history },
  };
  for (const [name, set] of ENV) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0, got ${raw}`);
    set(limits, value);
  }
  return limits;
}

/** The defaults with some limits replaced (tests). */
export function withLimits(
  overrides: Partial<Omit<Limits, 'doc' | 'history'>> & {
    doc?: Partial<Limits['doc']>;
    history?: Partial<Limits['history']>;
  } = {},
): Limits {
  return {
    ...DEFAULT_LIMITS,
    ...overrides,
    doc: { ...DEFAULT_LIMITS.doc, ...overrides.doc },
    history: { ...DEFAULT_LIMITS.history, ...overrides.history },
  };
}
