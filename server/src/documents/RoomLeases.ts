/**
 * Which node serves a room's documents: at most one at a time (P-NODE-1). A node takes the lease
 * before it loads a room's first document and gives it back when the last one unloads; a second
 * node is refused while the first holds it, so two live copies of a document never exist.
 */
export interface RoomLeases {
  /** Takes (or already holds) the room's lease; false when another node holds it. */
  acquire(roomId: string): Promise<boolean>;
  release(roomId: string): Promise<void>;
  /** `listener` is told when every lease is lost at once (the connection that held them died). */
  onLost(listener: () => void): void;
  /** Resolves when leases can be taken now (readiness): the lease connection answers. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** One node owns everything: the embedded default. */
export class LocalLeases implements RoomLeases {
  async acquire(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
  onLost(): void {}
  async check(): Promise<void> {}
  async close(): Promise<void> {}
}
