import { BOARD_PRESENCE_FIELD, type BoardPresence, MAX_SHARED_SELECTION } from '@mockloop/shared';

/** The part of a y-protocols Awareness the publisher needs. */
export interface LocalAwareness {
  setLocalStateField(field: string, value: unknown): void;
}

const EMPTY: BoardPresence = {
  pointer: null,
  button: 'up',
  selectedElementIds: [],
  viewport: null,
  following: null,
};

/**
 * Publishes my board presence (pointer, laser, selection, viewport, whom I follow) into the
 * document's awareness at most every `intervalMs` (30 Hz by default): the first change goes out
 * at once, later ones are merged and sent at the end of the interval, so the last one is never
 * lost and a moving pointer costs at most 30 messages a second.
 */
export class PresencePublisher {
  private state: BoardPresence = EMPTY;
  private lastSent = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;

  constructor(
    private readonly awareness: LocalAwareness,
    private readonly intervalMs = 33,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get current(): BoardPresence {
    return this.state;
  }

  update(change: Partial<BoardPresence>): void {
    const next = { ...this.state, ...change };
    // A select-all on a big board would not fit the server's awareness limit: share the first ids.
    if (next.selectedElementIds.length > MAX_SHARED_SELECTION) {
      next.selectedElementIds = next.selectedElementIds.slice(0, MAX_SHARED_SELECTION);
    }
    if (samePresence(next, this.state)) return;
    this.state = next;
    this.dirty = true;
    const wait = this.lastSent + this.intervalMs - this.now();
    if (wait <= 0) this.send();
    else this.timer ??= setTimeout(() => this.send(), wait);
  }

  /** Sends what is pending now (before the page goes away, or before following someone). */
  flush(): void {
    if (this.dirty) this.send();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private send(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    this.lastSent = this.now();
    this.awareness.setLocalStateField(BOARD_PRESENCE_FIELD, this.state);
  }
}

function samePresence(a: BoardPresence, b: BoardPresence): boolean {
  return (
    a.button === b.button &&
    a.following === b.following &&
    a.pointer?.x === b.pointer?.x &&
    a.pointer?.y === b.pointer?.y &&
    a.pointer?.tool === b.pointer?.tool &&
    a.viewport?.scrollX === b.viewport?.scrollX &&
    a.viewport?.scrollY === b.viewport?.scrollY &&
    a.viewport?.zoom === b.viewport?.zoom &&
    a.viewport?.width === b.viewport?.width &&
    a.viewport?.height === b.viewport?.height &&
    a.selectedElementIds.length === b.selectedElementIds.length &&
    a.selectedElementIds.every((id, i) => b.selectedElementIds[i] === id)
  );
}
