import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomBroadcaster } from './RoomBroadcaster.js';

/** The broadcaster on a fake clock: each send is recorded with the (fake) time it started. */
function recorded() {
  const sends: Array<{ roomId: string; at: number; brief: boolean }> = [];
  const broadcaster = new RoomBroadcaster(async (roomId, brief) => {
    sends.push({ roomId, at: Date.now(), brief });
  });
  return { broadcaster, sends };
}

describe('RoomBroadcaster (P-CTL-3)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends once for any number of requests in one turn, and settles each after that send', async () => {
    const { broadcaster, sends } = recorded();
    let settled = 0;
    const requests = Array.from({ length: 30 }, (_, i) =>
      broadcaster.request('room', i === 7).then(() => {
        settled += 1;
        // Settled only once the broadcast that includes it has gone out.
        expect(sends).toHaveLength(1);
      }),
    );
    expect(settled).toBe(0);
    await vi.runAllTimersAsync();
    await Promise.all(requests);
    expect(sends).toEqual([{ roomId: 'room', at: 1_000_000, brief: true }]);
    expect(settled).toBe(30);
  });

  it('sends at most once per 50 ms per room, however the requests are spread', async () => {
    const { broadcaster, sends } = recorded();
    const requests: Array<Promise<void>> = [];
    // A request every 7 ms for a second, in two rooms.
    for (let ms = 0; ms < 1000; ms += 7) {
      requests.push(broadcaster.request('a'), broadcaster.request('b'));
      await vi.advanceTimersByTimeAsync(7);
    }
    await vi.runAllTimersAsync();
    await Promise.all(requests);
    for (const room of ['a', 'b']) {
      const times = sends.filter((s) => s.roomId === room).map((s) => s.at);
      for (let i = 1; i < times.length; i++)
        expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(50);
      // One window in 50 ms of requests, plus the one the last requests wait for.
      expect(times.length).toBeLessThanOrEqual(1000 / 50 + 1);
      expect(times.length).toBeGreaterThanOrEqual(1000 / 50 - 1);
    }
  });

  it('a request made while a send is under way waits for the next send, not the one in flight', async () => {
    let finish = () => {};
    const sends: number[] = [];
    const broadcaster = new RoomBroadcaster(async () => {
      sends.push(Date.now());
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    const first = broadcaster.request('room');
    await vi.advanceTimersByTimeAsync(0);
    expect(sends).toHaveLength(1);
    // The first send reads the room now; a change after it needs a send of its own.
    let secondSettled = false;
    const second = broadcaster.request('room').then(() => {
      secondSettled = true;
    });
    finish();
    await first;
    expect(secondSettled).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(sends).toHaveLength(2);
    finish();
    await second;
    expect(secondSettled).toBe(true);
  });
});
