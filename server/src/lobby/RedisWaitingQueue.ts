import type { Redis } from 'ioredis';
import type { WaitingEntry } from './pairing.js';
import { placeInLine } from './placeInLine.js';
import type { WaitingQueue } from './WaitingQueue.js';

/**
 * The lobby line shared by every node: one JSON list in Redis, changed with optimistic
 * transactions (WATCH, then MULTI/EXEC, again if another node changed it meanwhile) applying the
 * same pure step as the single-node line (placeInLine). Two people who enter at two nodes meet.
 * Use a connection of its own: WATCH belongs to the connection.
 */
export class RedisWaitingQueue implements WaitingQueue {
  constructor(
    private readonly redis: Redis,
    private readonly key = 'mockloop:lobby:line',
  ) {}

  matchOrEnqueue(newcomer: WaitingEntry, front = false): Promise<WaitingEntry | null> {
    return this.update((line) => {
      const placed = placeInLine(line, newcomer, front);
      return { line: placed.line, result: placed.partner };
    });
  }

  remove(id: string): Promise<WaitingEntry | null> {
    return this.update((line) => ({
      line: line.filter((e) => e.id !== id),
      result: line.find((e) => e.id === id) ?? null,
    }));
  }

  removeChannel(channel: string): Promise<WaitingEntry[]> {
    return this.update((line) => ({
      line: line.filter((e) => e.channel !== channel),
      result: line.filter((e) => e.channel === channel),
    }));
  }

  async list(): Promise<WaitingEntry[]> {
    return parseLine(await this.redis.get(this.key));
  }

  private async update<T>(change: (line: WaitingEntry[]) => { line: WaitingEntry[]; result: T }): Promise<T> {
    for (let attempt = 0; attempt < 100; attempt++) {
      await this.redis.watch(this.key);
      let next: { line: WaitingEntry[]; result: T };
      try {
        next = change(parseLine(await this.redis.get(this.key)));
      } catch (err) {
        await this.redis.unwatch();
        throw err;
      }
      const done = await this.redis.multi().set(this.key, JSON.stringify(next.line)).exec();
      if (done) return next.result;
    }
    throw new Error('the lobby line is too busy');
  }
}

function parseLine(raw: string | null): WaitingEntry[] {
  return raw ? (JSON.parse(raw) as WaitingEntry[]) : [];
}
