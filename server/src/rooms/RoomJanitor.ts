import type { Logger } from '../logging/createLogger.js';
import type { RoomStore } from '../store/RoomStore.js';

export interface RoomJanitorOptions {
  /** A room is deleted this long after its last activity. */
  retentionMs: number;
  /** Whether the room has live connections or loaded documents on this node (never deleted then). */
  inUse: (roomId: string) => boolean;
  log?: Logger;
  /** Told how many rooms a sweep deleted (metrics). */
  onDeleted?: (count: number) => void;
  /** How often to look; the first look is a minute after start. */
  everyMs?: number;
  now?: () => number;
}

/** Rooms deleted per sweep, so one sweep never holds the store for long. */
const BATCH = 200;

/**
 * Deletes rooms nobody has used for the retention period (default 30 days), with everything they
 * hold: participants, rounds, timeline, feedback, images and documents.
 */
export class RoomJanitor {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly now: () => number;

  constructor(
    private readonly store: RoomStore,
    private readonly options: RoomJanitorOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    const run = () => {
      this.sweep().catch((err) => this.options.log?.error({ err }, 'room expiry sweep failed'));
    };
    const first = setTimeout(run, 60_000);
    const every = setInterval(run, this.options.everyMs ?? 60 * 60_000);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  /** Deletes expired rooms; returns their ids. */
  async sweep(): Promise<string[]> {
    const deleted: string[] = [];
    const idle = await this.store.listIdleRooms(this.now() - this.options.retentionMs, BATCH);
    for (const roomId of idle) {
      if (this.options.inUse(roomId)) continue;
      await this.store.deleteRoom(roomId);
      deleted.push(roomId);
    }
    if (deleted.length > 0) {
      // Once per sweep, not per room: a checkpoint copies the whole WAL.
      await this.store.purgeDeleted?.();
      this.options.log?.info({ rooms: deleted.length }, 'deleted expired rooms');
      this.options.onDeleted?.(deleted.length);
    }
    return deleted;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }
}
