import { ClientEvent, CloseCode } from '@mockloop/shared';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processMetrics } from './processMetrics.js';

/** Close codes by name, for a bounded `code` label. */
const CLOSE_NAMES = new Map<number, string>(Object.entries(CloseCode).map(([name, code]) => [code, name]));
/** Control events the protocol knows: anything else is counted as `other` (labels stay bounded). */
const KNOWN_EVENTS = new Set<string>(Object.values(ClientEvent));

/** What `/metrics` reports live values from (read at scrape time). */
export interface LiveSources {
  roomsLive: () => number;
  documentsLive: () => number;
  socketsOpen: () => { control: number; document: number };
  lobbyLine: () => Promise<number>;
  /** Bytes all rooms' images and voice recordings hold now (FILES_TOTAL_BYTES' budget). */
  filesBytes?: () => Promise<number>;
}

/**
 * The server's Prometheus metrics (prom-client), served at `/metrics` on the internal listener
 * only. Labels are bounded: route patterns, event names from the protocol, close-code names,
 * limit names; never a room id. `registry` is open for other parts to register their own
 * (`mockloop_<part>_...`); the runner's are declared here for the server-side runner to feed.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Histogram({
    name: 'mockloop_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  readonly connections = new Counter({
    name: 'mockloop_socket_connections_total',
    help: 'Sockets opened, by plane (control: Socket.IO; document: /yjs WebSocket)',
    labelNames: ['plane'] as const,
    registers: [this.registry],
  });
  readonly controlEvents = new Histogram({
    name: 'mockloop_control_event_duration_seconds',
    help: 'Control events handled, by event name and outcome (ok, error), and how long they took to acknowledge',
    labelNames: ['event', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly docUpgrades = new Histogram({
    name: 'mockloop_document_upgrade_duration_seconds',
    help: 'Document WebSocket upgrades by outcome (open, refused, unloadable), and how long authorising and loading took',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
    registers: [this.registry],
  });
  readonly docCloses = new Counter({
    name: 'mockloop_document_closes_total',
    help: 'Document connections the server closed, by close code name',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly docUpdates = new Counter({
    name: 'mockloop_document_updates_total',
    help: 'Document updates applied and stored, by document kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly docUpdateBytes = new Counter({
    name: 'mockloop_document_update_bytes_total',
    help: 'Bytes of document updates applied and stored, by document kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly storeWrites = new Histogram({
    name: 'mockloop_store_write_duration_seconds',
    help: "Store transactions writing one event-loop turn's document updates, and how long each took",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly storeBatchRows = new Histogram({
    name: 'mockloop_store_write_batch_rows',
    help: 'Rows (document updates) per store write',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 1000, 5000],
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'mockloop_rate_limit_refusals_total',
    help: 'Requests, events and connections refused by a rate limit or budget, by limit',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly historyRefusals = new Counter({
    name: 'mockloop_history_quota_refusals_total',
    help: 'Document updates refused because a history quota was full (P-DOC-13)',
    registers: [this.registry],
  });
  readonly filesRefused = new Counter({
    name: 'mockloop_files_budget_refusals_total',
    help: 'Image and recording uploads refused because FILES_TOTAL_BYTES was reached',
    registers: [this.registry],
  });
  readonly roomsDeleted = new Counter({
    name: 'mockloop_rooms_deleted_total',
    help: 'Rooms deleted, by why (expired, request: its people, operator)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  /** The server-side runner's queue (server/src/execution/ sets it). */
  readonly runnerQueue = new Gauge({
    name: 'mockloop_runner_queue_length',
    help: 'Server-side code runs waiting for a sandbox',
    registers: [this.registry],
  });
  /** The server-side runner's runs (server/src/execution/ observes them): language, outcome. */
  readonly runnerRuns = new Histogram({
    name: 'mockloop_runner_run_duration_seconds',
    help: 'Server-side code runs by language and outcome, and how long each took',
    labelNames: ['language', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });

  constructor() {
    // From now: the event loop's delay and utilisation are measured from the app's start, not
    // from the first scrape.
    processMetrics();
  }

  /** Registers gauges read at scrape time from the running app. */
  watch(live: LiveSources): void {
    new Gauge({
      name: 'mockloop_rooms_live',
      help: 'Rooms whose documents this node serves now',
      registers: [this.registry],
      collect() {
        this.set(live.roomsLive());
      },
    });
    new Gauge({
      name: 'mockloop_documents_live',
      help: 'Documents loaded on this node now',
      registers: [this.registry],
      collect() {
        this.set(live.documentsLive());
      },
    });
    new Gauge({
      name: 'mockloop_sockets_open',
      help: 'Open sockets by plane',
      labelNames: ['plane'] as const,
      registers: [this.registry],
      collect() {
        const open = live.socketsOpen();
        this.set({ plane: 'control' }, open.control);
        this.set({ plane: 'document' }, open.document);
      },
    });
    new Gauge({
      name: 'mockloop_lobby_line_length',
      help: 'People waiting in the lobby for a partner',
      registers: [this.registry],
      async collect() {
        this.set(await live.lobbyLine());
      },
    });
    const filesBytes = live.filesBytes;
    if (filesBytes) {
      new Gauge({
        name: 'mockloop_files_bytes',
        help: "Bytes all rooms' board images and voice recordings hold (FILES_TOTAL_BYTES is their budget)",
        registers: [this.registry],
        async collect() {
          this.set(await filesBytes());
        },
      });
    }
  }

  /** A control event's label: its name when the protocol has it, else `other`. */
  static eventLabel(event: unknown): string {
    return typeof event === 'string' && KNOWN_EVENTS.has(event) ? event : 'other';
  }

  /** A close code's label. */
  static closeLabel(code: number): string {
    return CLOSE_NAMES.get(code) ?? String(code >= 4000 && code < 5000 ? 'app_other' : code);
  }

  /** The Prometheus text of this app's and the process's metrics. */
  async text(): Promise<string> {
    return `${await processMetrics().metrics()}\n${await this.registry.metrics()}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
