import type { Redis } from 'ioredis';
import type { PendingMatch, PendingMatches } from './PendingMatches.js';

/** Keys outlive their window by this much, so a node that dies mid-step leaves nothing behind. */
const LINGER_MS = 5 * 60_000;

/**
 * Pending matches shared by every node: each match a JSON value (`match:<room>`), each seat an
 * index to its room (`seat:<participant>`), deadlines in a sorted set. The node that removes a
 * match from the sorted set (ZREM answering 1) is the one that handles its closed window.
 * Use a connection of its own: WATCH belongs to the connection.
 */
export class RedisPendingMatches implements PendingMatches {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'mockloop:lobby:',
  ) {}

  async add(match: PendingMatch): Promise<void> {
    const ttl = Math.max(1, match.deadline - Date.now()) + LINGER_MS;
    const multi = this.redis.multi().set(this.key('match', match.roomId), JSON.stringify(match), 'PX', ttl);
    for (const seat of match.seats) multi.set(this.key('seat', seat.participantId), match.roomId, 'PX', ttl);
    await multi.zadd(this.deadlines, match.deadline, match.roomId).exec();
  }

  async arrive(participantId: string): Promise<void> {
    const roomId = await this.redis.get(this.key('seat', participantId));
    if (!roomId) return;
    const matchKey = this.key('match', roomId);
    for (let attempt = 0; attempt < 100; attempt++) {
      await this.redis.watch(matchKey);
      const raw = await this.redis.get(matchKey);
      if (!raw) {
        await this.redis.unwatch();
        return;
      }
      const match = JSON.parse(raw) as PendingMatch;
      for (const seat of match.seats) if (seat.participantId === participantId) seat.arrived = true;
      const multi = this.redis.multi();
      if (match.seats.every((s) => s.arrived)) {
        multi
          .del(matchKey, ...match.seats.map((s) => this.key('seat', s.participantId)))
          .zrem(this.deadlines, roomId);
      } else {
        multi.set(matchKey, JSON.stringify(match), 'KEEPTTL');
      }
      if (await multi.exec()) return;
    }
    throw new Error('the lobby is too busy');
  }

  async takeExpired(now: number): Promise<PendingMatch[]> {
    const due = await this.redis.zrangebyscore(this.deadlines, '-inf', now);
    const taken: PendingMatch[] = [];
    for (const roomId of due) {
      if ((await this.redis.zrem(this.deadlines, roomId)) !== 1) continue; // another node has it
      const raw = await this.redis.get(this.key('match', roomId));
      if (!raw) continue;
      const match = JSON.parse(raw) as PendingMatch;
      await this.redis.del(
        this.key('match', roomId),
        ...match.seats.map((s) => this.key('seat', s.participantId)),
      );
      taken.push(match);
    }
    return taken;
  }

  private get deadlines(): string {
    return `${this.prefix}deadlines`;
  }

  private key(kind: 'match' | 'seat', id: string): string {
    return `${this.prefix}${kind}:${id}`;
  }
}
