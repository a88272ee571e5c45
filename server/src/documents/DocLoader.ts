import {
  DOC_RULES,
  type DocRules,
  MalformedInput,
  parseDocName,
  STORED_LIMITS,
  scanUpdate,
} from '@mockloop/shared';
import * as Y from 'yjs';
import type { DocumentLog } from '../store/DocumentLog.js';
import type { AwarenessPace } from './AwarenessPacer.js';
import { DocUnloadable } from './DocUnloadable.js';
import { SharedDoc } from './SharedDoc.js';

/** Rows of one document together may hold this many times its kind's size (they overlap). */
const LOAD_BYTES_FACTOR = 4;
/** Work in slices this long, then let the event loop serve everyone else. */
const LOAD_SLICE_MS = 20;
/** A load that meets more broken rows than this gives up. */
const MAX_BROKEN_ROWS = 8;

/** Marks the transaction that applies stored rows (before `onUpdate` is set: never written back). */
const LOAD_ORIGIN = Symbol('load');

export interface DocLoaderOptions {
  /** Server time one document's load may take, applying its rows (default 3 s). */
  loadBudgetMs?: number;
  /** Where refused and broken rows are reported. */
  log?: (message: string) => void;
}

/** A document loaded to be served, with what its owner needs to know of the stored log. */
export interface LoadedDoc {
  shared: SharedDoc;
  /** Rows stored after the latest checkpoint, and their bytes (when to compact next). */
  rows: number;
  rowBytes: number;
  /** The highest sequence number of the document's rows in the store when it was read. */
  lastSeq: number;
  /** Rows left out (refused by the scan or broken in Yjs): a checkpoint should cover them. */
  skipped: number;
  /** What was read: the checkpoint's state, then the rows after it (the next checkpoint's base). */
  parts: Uint8Array[];
}

/** A stored row that Yjs threw on (after it passed the scan). */
class BrokenRow extends Error {
  constructor(
    readonly index: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Builds documents from the store: the latest checkpoint, then the rows after it, bounded
 * (P-DOC-10). Each row is checked like a client's update and skipped (and reported) when it
 * fails; applying them may take `loadBudgetMs` of server time, in slices that let other rooms'
 * work run between them. Past a budget a load fails with DocUnloadable.
 */
export class DocLoader {
  private readonly loadBudgetMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly store: Pick<DocumentLog, 'loadDocument'>,
    options: DocLoaderOptions = {},
  ) {
    this.loadBudgetMs = options.loadBudgetMs ?? 3000;
    this.log = options.log ?? ((message) => console.error(message));
  }

  /**
   * Loads a copy to serve. Its rows together may hold a few times the kind's size. A row Yjs
   * throws on may have been applied in part, so the copy is thrown away and built again without
   * it, up to MAX_BROKEN_ROWS times.
   */
  async load(name: string, awarenessPace?: AwarenessPace): Promise<LoadedDoc> {
    const rules = rulesOf(name);
    const stored = await this.store.loadDocument(name);
    const rows = [...(stored.checkpoint ? [stored.checkpoint.state] : []), ...stored.rows.map((r) => r.data)];
    const bytes = rows.reduce((sum, row) => sum + row.length, 0);
    if (rules && bytes > rules.maxBytes * LOAD_BYTES_FACTOR) {
      throw new DocUnloadable(`its stored history holds ${bytes} bytes, more than the server loads`);
    }
    const lastSeq = stored.rows.at(-1)?.seq ?? stored.checkpoint?.uptoSeq ?? 0;
    const broken = new Set<number>();
    for (;;) {
      const shared = new SharedDoc(name, { awarenessPace, rules });
      try {
        const skipped = await this.applyRows(name, shared, rows, rules, broken);
        shared.bytes = bytes;
        const rowBytes = stored.rows.reduce((sum, row) => sum + row.data.length, 0);
        return { shared, rows: stored.rows.length, rowBytes, lastSeq, skipped, parts: rows };
      } catch (err) {
        shared.destroy();
        if (!(err instanceof BrokenRow)) throw err;
        // Yjs threw half way through a row: the doc may hold part of it. Start again without it.
        broken.add(err.index);
        this.log(
          `[docs] ${name}: stored row ${err.index} failed to apply (${err.message}); reloading without it`,
        );
        if (broken.size > MAX_BROKEN_ROWS) throw new DocUnloadable('too many of its stored rows are damaged');
      }
    }
  }

  /**
   * Builds a throwaway copy to read (the report), in the same slices and time budget, skipping
   * rows the scan refuses. No byte bound and no second attempt: the caller destroys the copy.
   */
  async loadCopy(name: string): Promise<SharedDoc> {
    const rules = rulesOf(name);
    const stored = await this.store.loadDocument(name);
    const doc = new SharedDoc(name, { rules });
    try {
      const rows = [
        ...(stored.checkpoint ? [stored.checkpoint.state] : []),
        ...stored.rows.map((r) => r.data),
      ];
      await this.applyRows(name, doc, rows, rules, new Set());
      return doc;
    } catch (err) {
      doc.destroy();
      throw err;
    }
  }

  /** Applies the rows in time slices; returns how many were skipped. */
  private async applyRows(
    name: string,
    shared: SharedDoc,
    rows: Uint8Array[],
    rules: DocRules | undefined,
    broken: ReadonlySet<number>,
  ): Promise<number> {
    let skipped = 0;
    let spentMs = 0;
    let index = 0;
    while (index < rows.length) {
      const sliceStart = performance.now();
      // Applying rows inside one transaction is fast; Y.mergeUpdates over many rows is not.
      shared.doc.transact(() => {
        while (index < rows.length && performance.now() - sliceStart < LOAD_SLICE_MS) {
          const row = rows[index] as Uint8Array;
          const at = index++;
          if (broken.has(at) || !this.rowPasses(name, at, row, rules)) {
            skipped++;
            continue;
          }
          try {
            Y.applyUpdate(shared.doc, row);
          } catch (err) {
            throw new BrokenRow(at, err);
          }
        }
      }, LOAD_ORIGIN);
      spentMs += performance.now() - sliceStart;
      if (spentMs > this.loadBudgetMs) {
        throw new DocUnloadable(`loading it took more than ${this.loadBudgetMs} ms of server time`);
      }
      if (index < rows.length) await new Promise((resolve) => setImmediate(resolve));
    }
    return skipped;
  }

  private rowPasses(name: string, index: number, row: Uint8Array, rules: DocRules | undefined): boolean {
    if (!rules) return true;
    try {
      scanUpdate(row, rules, STORED_LIMITS);
      return true;
    } catch (err) {
      if (!(err instanceof MalformedInput)) throw err;
      this.log(`[docs] ${name}: stored row ${index} refused: ${err.message}`);
      return false;
    }
  }
}

/** The rules of a document's kind; none for a name that is not a document's (server tests). */
function rulesOf(name: string): DocRules | undefined {
  const ref = parseDocName(name);
  return ref ? DOC_RULES[ref.kind] : undefined;
}
