import type * as Y from 'yjs';

/** The fields of an Excalidraw element the binding reads; every other field travels untouched. */
export interface SyncedElement {
  readonly id: string;
  readonly version: number;
  readonly versionNonce: number;
  /** Fractional index: the element's place in the z-order. */
  readonly index: string | null;
  readonly isDeleted: boolean;
}

/**
 * The editor's side of the binding: Excalidraw in the app (see excalidrawScene.ts), a model of it
 * in tests. Nothing here touches the DOM.
 */
export interface BoardScene<E extends SyncedElement> {
  /** Every element the editor holds, deleted ones included. */
  getElements(): readonly E[];
  /** Whether the person is in the middle of editing this element (typing, resizing, drawing it). */
  isEditing(id: string): boolean;
  /**
   * Merges peers' elements into the scene by the editor's reconcile rule and shows them, outside
   * the local undo history. Receives elements in z-order; must not mutate them (they are the
   * document's own objects).
   */
  applyRemote(remote: readonly E[]): void;
}

/**
 * Excalidraw's rule for two versions of one element: the higher version wins; equal versions go to
 * the lower versionNonce. (Equal version and nonce: the same edit.)
 */
export function wins(a: SyncedElement, b: SyncedElement): boolean {
  return a.version > b.version || (a.version === b.version && a.versionNonce < b.versionNonce);
}

export interface BoardBindingOptions<E extends SyncedElement> {
  /** Local edits reach the document at most this often, trailing (default 33 ms). */
  throttleMs?: number;
  /** Called with peers' elements once they are shown (to fetch their images, say). */
  onRemote?: (elements: readonly E[]) => void;
  /**
   * Shows the document and never writes to it (an observer, a frozen board). The server drops a
   * read-only connection's writes, so a local one would never reach the others: a write-back of
   * an element here would sit in this copy alone and, by Yjs' rule for concurrent map entries,
   * could hide every later version of that element from this viewer for good.
   */
  readOnly?: boolean;
  /** Timers; tests pass a hand-driven clock. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** One transaction (one update message) carries at most about this much element data. */
const MAX_BATCH_BYTES = 256 * 1024;

interface Stamp {
  version: number;
  nonce: number;
}

/**
 * Binds an Excalidraw scene to a `Y.Map<elementId, element>` in both directions.
 *
 * Local to document: `onLocalChange()` (call it from Excalidraw's onChange) schedules a throttled
 * flush that writes, in transactions carrying `origin`, every element whose version changed and
 * that wins over the document's copy. Document to local: peers' changes are merged into the scene
 * by the editor's reconcile rule. When the document holds a losing copy of an element (a
 * concurrent edit resolved by Yjs, not by that rule), the winner is written back, so every peer
 * converges on the element Excalidraw's rule picks. A peer's version of an element being edited
 * here waits until the edit ends. Deleted elements stay in the map, marked `isDeleted`.
 */
export class BoardBinding<E extends SyncedElement> {
  /** Every transaction the binding writes carries this origin; it ignores them when they come back. */
  readonly origin: object = { binding: 'board' };
  /** The version of each local element at the last flush: what changed since is what to write. */
  private readonly seen = new Map<string, Stamp>();
  /** Peers' versions kept out of the scene while the element is being edited here. */
  private readonly deferred = new Set<string>();
  private readonly doc: Y.Doc;
  private readonly throttleMs: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private timer: unknown = null;
  private destroyed = false;

  constructor(
    private readonly elements: Y.Map<E>,
    private readonly scene: BoardScene<E>,
    private readonly options: BoardBindingOptions<E> = {},
  ) {
    if (!elements.doc) throw new Error('the elements map must belong to a Y.Doc');
    this.doc = elements.doc;
    this.throttleMs = options.throttleMs ?? 33;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer =
      options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    elements.observe(this.onDocumentChange);
    // Whatever the document holds already (IndexedDB, an earlier sync) is shown first.
    this.receive([...elements.values()]);
  }

  /** The scene changed (any change: call it from onChange); writes follow within the throttle. */
  onLocalChange(): void {
    this.schedule();
  }

  /**
   * Writes every local element that is newer than the document's copy now, and brings in the
   * document's copy where it is the newer one. Runs by itself after local changes; call it
   * directly before the page goes away.
   */
  flush(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    if (this.destroyed) return;
    const writes: E[] = [];
    const behind: E[] = [];
    for (const element of this.scene.getElements()) {
      const last = this.seen.get(element.id);
      if (
        last?.version === element.version &&
        last.nonce === element.versionNonce &&
        !this.deferred.has(element.id)
      ) {
        continue;
      }
      this.seen.set(element.id, { version: element.version, nonce: element.versionNonce });
      const stored = this.elements.get(element.id);
      if (!stored || wins(element, stored)) {
        writes.push(element);
        this.deferred.delete(element.id);
      } else if (wins(stored, element)) {
        // The document is ahead: a peer's edit waiting for ours to end, or ours lost the rule.
        if (this.scene.isEditing(element.id)) this.deferred.add(element.id);
        else {
          behind.push(stored);
          this.deferred.delete(element.id);
        }
      } else {
        this.deferred.delete(element.id);
      }
    }
    if (!this.options.readOnly) this.write(writes);
    if (behind.length > 0) this.show(behind);
  }

  /** Stops syncing, after writing what is pending (if the editor can still say what that is). */
  destroy(): void {
    if (this.destroyed) return;
    try {
      this.flush();
    } catch {
      // Tearing down with the editor already gone: nothing left to write from.
    } finally {
      this.destroyed = true;
      this.elements.unobserve(this.onDocumentChange);
    }
  }

  private schedule(): void {
    if (this.timer !== null || this.destroyed) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.flush();
    }, this.throttleMs);
  }

  /** Writes elements in transactions of bounded size: one paste never becomes one huge message. */
  private write(elements: E[]): void {
    let batch: E[] = [];
    let bytes = 0;
    const commit = () => {
      if (batch.length === 0) return;
      const current = batch;
      this.doc.transact(() => {
        // A copy: Excalidraw mutates its elements in place, and the document keeps what it is given.
        for (const element of current) this.elements.set(element.id, structuredClone(element));
      }, this.origin);
      batch = [];
      bytes = 0;
    };
    for (const element of elements) {
      const size = estimateBytes(element);
      if (bytes + size > MAX_BATCH_BYTES) commit();
      batch.push(element);
      bytes += size;
    }
    commit();
  }

  private readonly onDocumentChange = (event: Y.YMapEvent<E>, transaction: Y.Transaction): void => {
    if (transaction.origin === this.origin || this.destroyed) return;
    const incoming: E[] = [];
    for (const id of event.keysChanged) {
      const element = this.elements.get(id);
      if (element) incoming.push(element);
    }
    this.receive(incoming);
  };

  /** Shows peers' elements that differ from what the scene had at the last flush. */
  private receive(incoming: E[]): void {
    const fresh = incoming.filter((element) => {
      const last = this.seen.get(element.id);
      return last?.version !== element.version || last.nonce !== element.versionNonce;
    });
    if (fresh.length > 0) this.show(fresh);
  }

  private show(remote: E[]): void {
    // In z-order, as Excalidraw's restore and reconcile expect.
    remote.sort(byIndex);
    for (const element of remote) {
      if (this.scene.isEditing(element.id)) this.deferred.add(element.id);
    }
    this.scene.applyRemote(remote);
    // Look at each again on the next flush: where the scene kept its own copy, that copy won the
    // rule and goes back to the document.
    for (const element of remote) this.seen.delete(element.id);
    this.options.onRemote?.(remote);
    this.schedule();
  }
}

/** Fractional-index order with ties broken by id, as Excalidraw orders a scene. */
export function byIndex(a: SyncedElement, b: SyncedElement): number {
  const ai = a.index ?? '';
  const bi = b.index ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A cheap upper-bound guess of an element's encoded size, without serialising it. */
function estimateBytes(element: SyncedElement): number {
  const { points, text } = element as { points?: unknown[]; text?: string };
  return 600 + (points?.length ?? 0) * 24 + (text?.length ?? 0) * 3;
}
