import { DOC_KINDS, type DocKind, type ReplayInfo } from '@mockloop/shared';
import { DocTimeline } from './DocTimeline';
import { markersOf, type ReplayMarker, type ReplayRun } from './replayMarkers';

export type { ReplayRun };

/**
 * A round's history, filling in as its rows arrive (see loadReplay.ts). It can be shown from
 * the moment the first rows are in: every document is complete up to `loadedUntil`, and a
 * position before that shows exactly what was there. Listeners hear of each step.
 */
export class Replay {
  /** The timeline runs from the first thing that happened to the last (absolute ms). */
  readonly start: number;
  readonly end: number;
  readonly docs: Partial<Record<DocKind, DocTimeline>> = {};
  readonly runs: ReplayRun[] = [];
  markers: ReplayMarker[] = [];
  /** Sorted times of every row and event so far: stepping and skipping idle stretches use them. */
  moments: number[] = [];
  /** Each person's row times per document, sorted: when they typed, drew, wrote notes. */
  activity = new Map<string, Partial<Record<DocKind, number[]>>>();
  /** Rows in, out of all the round's rows. */
  loadedRows = 0;
  readonly totalRows: number;
  /** Every document holds all its rows up to this time; `end` once all have arrived. */
  loadedUntil: number;
  error: string | null = null;
  /** Bumped by every change, for React (useSyncExternalStore). */
  version = 0;
  private readonly complete = new Set<DocKind>();
  private readonly listeners = new Set<() => void>();

  constructor(readonly info: ReplayInfo) {
    const times = [
      info.startedAt,
      ...info.events.map((e) => e.at),
      ...Object.values(info.docs).flatMap((d) =>
        [d.firstAt, d.lastAt].filter((t): t is number => t !== null),
      ),
    ];
    this.start = Math.min(...times);
    this.end = Math.max(...times, info.endedAt ?? this.start);
    this.totalRows = Object.values(info.docs).reduce((sum, d) => sum + d.rows, 0);
    for (const kind of DOC_KINDS) if (info.docs[kind]) this.docs[kind] = new DocTimeline();
    this.loadedUntil = this.start;
    this.refresh();
  }

  get loaded(): boolean {
    return this.loadedUntil >= this.end && this.error === null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** After a document's rows have grown (or it is complete): recompute what depends on them. */
  grew(kind: DocKind, added: number, complete: boolean): void {
    this.loadedRows += added;
    if (complete) this.complete.add(kind);
    this.refresh();
  }

  failed(message: string): void {
    this.error = message;
    this.notify();
  }

  destroy(): void {
    for (const timeline of Object.values(this.docs)) timeline.destroy();
    this.listeners.clear();
  }

  private refresh(): void {
    const moments: number[] = this.info.events.map((e) => e.at);
    const activity: Replay['activity'] = new Map();
    let until = this.end;
    for (const kind of DOC_KINDS) {
      const timeline = this.docs[kind];
      if (!timeline) continue;
      if (!this.complete.has(kind))
        until = Math.min(until, timeline.length > 0 ? timeline.timeOf(timeline.length - 1) : this.start);
      timeline.rows.forEach((row, i) => {
        const at = timeline.timeOf(i);
        moments.push(at);
        if (row.author === null) return;
        const mine = activity.get(row.author) ?? {};
        activity.set(row.author, mine);
        const times = mine[kind] ?? [];
        mine[kind] = times;
        times.push(at);
      });
    }
    this.moments = moments.sort((a, b) => a - b);
    this.activity = activity;
    this.loadedUntil = until;
    this.markers = markersOf(this.info.events, this.runs);
    this.notify();
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
