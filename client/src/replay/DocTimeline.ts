import * as Y from 'yjs';
import { countUpTo } from './sortedTimes';

/** One stored update of a document, as the replay receives it. */
export interface ReplayRow {
  seq: number;
  /** Server time the update arrived (ms). */
  at: number;
  /** Participant id, or null for the server's own change (starter code). */
  author: string | null;
  update: Uint8Array;
}

/** A keyframe (the whole state) after every this many rows: a seek applies fewer than this. */
export const KEYFRAME_ROWS = 300;

/**
 * One document's history, to be shown as it was after any number of rows.
 *
 * Rows are applied once, in order, into a builder document that takes a keyframe every
 * KEYFRAME_ROWS rows. Showing the document after n rows carries on from the document shown last
 * when that is on the way there (playing, seeking a little forward), and otherwise starts a fresh
 * Y.Doc from the last keyframe at or before n: a seek anywhere costs one keyframe and at most
 * KEYFRAME_ROWS small updates, never the whole history.
 */
export class DocTimeline {
  private readonly rowsList: ReplayRow[] = [];
  /** Row times made non-decreasing (two nodes' clocks may disagree by a little after a failover). */
  private readonly times: number[] = [];
  /** keyframes[k]: the state after k * KEYFRAME_ROWS rows. */
  private readonly keyframes: Uint8Array[];
  /** Every row so far, applied: watch it (runs appearing, say) as rows are appended. */
  readonly built = new Y.Doc();
  /** The row being applied to `built`, while its observers run. */
  applying: ReplayRow | null = null;
  private shown: { doc: Y.Doc; applied: number } | null = null;

  constructor() {
    this.keyframes = [Y.encodeStateAsUpdate(this.built)];
  }

  get rows(): readonly ReplayRow[] {
    return this.rowsList;
  }

  get length(): number {
    return this.rowsList.length;
  }

  /**
   * Applies rows in one transaction per stretch between keyframes: Yjs's per-transaction work
   * (merging, the delete set, observers) done once per stretch rather than once per keystroke.
   * A row `isolate` picks (one that adds a run, say) gets a transaction of its own, so that
   * observers of `built` see it with `applying` set to it.
   */
  append(rows: readonly ReplayRow[], isolate?: (row: ReplayRow) => boolean): void {
    let i = 0;
    while (i < rows.length) {
      const row = rows[i] as ReplayRow;
      if (isolate?.(row)) {
        this.applying = row;
        applyRow(this.built, row.update);
        this.applying = null;
        this.push(row);
        i++;
        continue;
      }
      // Up to the next keyframe, or the next isolated row.
      const room = KEYFRAME_ROWS - (this.rowsList.length % KEYFRAME_ROWS);
      let end = i;
      while (end < rows.length && end - i < room && !isolate?.(rows[end] as ReplayRow)) end++;
      Y.transact(this.built, () => {
        for (let j = i; j < end; j++) applyRow(this.built, (rows[j] as ReplayRow).update);
      });
      for (let j = i; j < end; j++) this.push(rows[j] as ReplayRow);
      i = end;
    }
  }

  private push(row: ReplayRow): void {
    this.rowsList.push(row);
    this.times.push(Math.max(row.at, this.times.at(-1) ?? row.at));
    if (this.rowsList.length % KEYFRAME_ROWS === 0) this.keyframes.push(Y.encodeStateAsUpdate(this.built));
  }

  /** Time of row i (0-based), non-decreasing. */
  timeOf(index: number): number {
    return this.times[index] ?? Number.NaN;
  }

  /** How many rows had arrived at `time` (inclusive). */
  countAt(time: number): number {
    return countUpTo(this.times, time);
  }

  /**
   * The document after its first n rows. It belongs to the timeline and may be replaced by the
   * next call: read it, do not keep or edit it.
   */
  docAfter(n: number): Y.Doc {
    const target = Math.max(0, Math.min(n, this.rowsList.length));
    const keyframe = Math.floor(target / KEYFRAME_ROWS);
    let shown = this.shown;
    if (!shown || shown.applied > target || shown.applied < keyframe * KEYFRAME_ROWS) {
      shown?.doc.destroy();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, this.keyframes[keyframe] as Uint8Array);
      shown = { doc, applied: keyframe * KEYFRAME_ROWS };
      this.shown = shown;
    }
    const { doc, applied } = shown;
    if (applied < target) {
      Y.transact(doc, () => {
        for (let i = applied; i < target; i++) applyRow(doc, (this.rowsList[i] as ReplayRow).update);
      });
      shown.applied = target;
    }
    return doc;
  }

  destroy(): void {
    this.shown?.doc.destroy();
    this.built.destroy();
  }
}

/**
 * Applies one row; a row Yjs throws on (one that passed the scan and is still damaged) is left
 * out rather than ending the replay: the rest of the history still plays.
 */
function applyRow(doc: Y.Doc, update: Uint8Array): void {
  try {
    Y.applyUpdate(doc, update);
  } catch (err) {
    console.warn('[replay] a stored row could not be applied', err);
  }
}
