import type { SyncedElement } from '../board/BoardBinding';
import { type BoardElement, restoreBoardElements } from '../board/excalidrawScene';

/**
 * Restored Excalidraw elements by id and version, the most recently used kept. Excalidraw caches
 * each element's drawing (its shape and a canvas) by object, so handing it the same object for
 * a version it has drawn before spares it the drawing: an element unchanged between two moments,
 * or one the viewer has already seen while scrubbing back and forth. Bounded, since each kept
 * version keeps its canvas alive too.
 */
export class RestoredElements {
  private readonly byVersion = new Map<string, BoardElement>();

  constructor(private readonly capacity = 1500) {}

  /** The scene for these document elements, in their order; malformed ones left out. */
  scene(elements: readonly SyncedElement[]): BoardElement[] {
    const key = (e: SyncedElement) => `${e.id}\u0000${e.version}\u0000${e.versionNonce}`;
    const missing = elements.filter((e) => !this.byVersion.has(key(e)));
    const sources = new Map(missing.map((e) => [e.id, e]));
    // Keyed by the document's version of each element (restoring may bump it).
    for (const element of restoreBoardElements(missing)) {
      const source = sources.get(element.id);
      if (source) this.byVersion.set(key(source), element);
    }
    const scene: BoardElement[] = [];
    for (const e of elements) {
      const k = key(e);
      const element = this.byVersion.get(k);
      if (!element) continue;
      // Most recently used last.
      this.byVersion.delete(k);
      this.byVersion.set(k, element);
      scene.push(element);
    }
    for (const oldest of this.byVersion.keys()) {
      if (this.byVersion.size <= this.capacity) break;
      this.byVersion.delete(oldest);
    }
    return scene;
  }
}
