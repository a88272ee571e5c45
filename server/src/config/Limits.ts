import { DEFAULT_DOC_BUDGET, type DocBudgetLimits } from '../documents/DocBudget.js';
import { DEFAULT_HISTORY_LIMITS, type HistoryLimits } from '../documents/HistoryQuota.js';
import { DEFAULT_ASSEMBLY_BYTES } from '../documents/MessageAssembly.js';

/**
 * Every bound the server puts on its visitors, with its default. Each is read from the
 * environment by config/loadConfig.ts (README, Configuration); tests raise or lower them.
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
  docAssemblyBytes: DEFAULT_ASSEMBLY_BYTES,
  docAssemblyDeadlineMs: 30_000,
  docLoadBudgetMs: 3000,
  history: DEFAULT_HISTORY_LIMITS,
  roundsPerRoom: 24,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  roomRetentionMs: 30 * DAY_MS,
};

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
