import type { RoomStore } from '../store/RoomStore.js';

const EVERY_MS = 60_000;

/**
 * Records that a room is in use, at most once a minute per room (a keystroke must not cost a
 * store write): the room expiry counts from the last of these (RoomJanitor).
 */
export class RoomActivity {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly store: Pick<RoomStore, 'touchRoom'>,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  touch(roomId: string): void {
    const now = this.now();
    if (now - (this.last.get(roomId) ?? 0) < EVERY_MS) return;
    this.last.set(roomId, now);
    if (this.last.size > 100_000) this.forgetOlderThan(now - EVERY_MS);
    this.store.touchRoom(roomId, now).catch(this.onError);
  }

  private forgetOlderThan(time: number): void {
    for (const [roomId, at] of this.last) if (at < time) this.last.delete(roomId);
  }
}
