import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/SqliteStore.js';
import { RoomActivity } from './RoomActivity.js';

describe('RoomActivity', () => {
  it('writes at most once a minute per room, and never moves a room back in time', async () => {
    const store = new SqliteStore(':memory:');
    const writes: string[] = [];
    const counting = Object.create(store) as SqliteStore;
    counting.touchRoom = async (roomId, at) => {
      writes.push(`${roomId}@${at}`);
      await store.touchRoom(roomId, at);
    };
    let now = 1_000_000;
    const activity = new RoomActivity(
      counting,
      (err) => {
        throw err;
      },
      () => now,
    );
    activity.touch('a');
    now += 30_000;
    activity.touch('a');
    activity.touch('b');
    now += 31_000;
    activity.touch('a');
    expect(writes).toEqual(['a@1000000', 'b@1030000', 'a@1061000']);
    await store.close();
  });
});
