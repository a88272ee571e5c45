/**
 * Coalesces room-state broadcasts: however many events touch a room, it is sent at most once per
 * `minIntervalMs` (and once per event-loop turn when idle). Every caller gets a promise that
 * settles when the broadcast that includes its change has gone out, so an acknowledgement still
 * follows the state it caused.
 */
export class RoomBroadcaster {
  private readonly pending = new Map<string, { brief: boolean; done: Promise<void> }>();
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly send: (roomId: string, brief: boolean) => Promise<void>,
    private readonly minIntervalMs = 50,
  ) {}

  request(roomId: string, brief = false): Promise<void> {
    const pending = this.pending.get(roomId);
    if (pending) {
      pending.brief ||= brief;
      return pending.done;
    }
    const wait = Math.max(0, (this.lastSent.get(roomId) ?? 0) + this.minIntervalMs - Date.now());
    const entry = { brief, done: Promise.resolve() };
    entry.done = new Promise<void>((resolve) => {
      const flush = () => {
        this.pending.delete(roomId);
        this.lastSent.set(roomId, Date.now());
        this.send(roomId, entry.brief).finally(() => {
          resolve();
          // Forget quiet rooms, so the map holds only rooms that broadcast recently.
          const forget = setTimeout(() => {
            if (!this.pending.has(roomId)) this.lastSent.delete(roomId);
          }, this.minIntervalMs);
          forget.unref();
        });
      };
      if (wait === 0) setImmediate(flush);
      else setTimeout(flush, wait).unref();
    });
    this.pending.set(roomId, entry);
    return entry.done;
  }
}
