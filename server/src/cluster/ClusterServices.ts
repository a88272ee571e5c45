import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { LocalLeases, type RoomLeases } from '../documents/RoomLeases.js';
import { PerIpLimiter } from '../limits/PerIpLimiter.js';
import { InMemoryPendingMatches, type PendingMatches } from '../lobby/PendingMatches.js';
import { RedisPendingMatches } from '../lobby/RedisPendingMatches.js';
import { RedisWaitingQueue } from '../lobby/RedisWaitingQueue.js';
import { InMemoryWaitingQueue, type WaitingQueue } from '../lobby/WaitingQueue.js';
import { PgRoomLeases } from './PgRoomLeases.js';

/**
 * What is node-local on one node and shared on several: the lobby's line and pending matches, the
 * per-address rate limits and Socket.IO's adapter (Redis, with REDIS_URL), and the rooms' owner
 * leases (PostgreSQL advisory locks, with DATABASE_URL). Presence stays on each node: with room
 * affinity every connection of a room reaches its owner.
 */
export interface ClusterServices {
  waitingQueue: WaitingQueue;
  pendingMatches: PendingMatches;
  leases: RoomLeases;
  limiter(name: string, points: number, windowSeconds: number): PerIpLimiter;
  /** Puts Socket.IO on the Redis streams adapter (events reach sockets on every node). */
  attach(io: Server): void;
  /** Readiness checks of the shared services: Redis (when configured) and the room leases. */
  checks: Array<{ name: string; check: () => Promise<void> }>;
  close(): Promise<void>;
}

export async function clusterServices(options: {
  redisUrl?: string;
  /** Every Redis key starts with it, so clusters (or test runs) sharing one Redis never meet. */
  redisPrefix?: string;
  databaseUrl?: string;
}): Promise<ClusterServices> {
  const prefix = options.redisPrefix ?? 'mockloop:';
  const leases = options.databaseUrl ? new PgRoomLeases(options.databaseUrl) : new LocalLeases();
  if (!options.redisUrl) {
    return {
      waitingQueue: new InMemoryWaitingQueue(),
      pendingMatches: new InMemoryPendingMatches(),
      leases,
      limiter: (name, points, windowSeconds) => PerIpLimiter.inMemory(name, points, windowSeconds),
      attach: () => {},
      checks: options.databaseUrl ? [{ name: 'leases', check: () => leases.check() }] : [],
      close: () => leases.close(),
    };
  }
  // One connection each: WATCH and blocking stream reads belong to their connection.
  const connect = async () => {
    const redis = new Redis(options.redisUrl as string, { lazyConnect: true, maxRetriesPerRequest: 3 });
    redis.on('error', () => {}); // ioredis reconnects by itself; a command that fails says so
    await redis.connect();
    return redis;
  };
  const [shared, lobby, adapter] = await Promise.all([connect(), connect(), connect()]);
  return {
    waitingQueue: new RedisWaitingQueue(lobby, `${prefix}lobby:line`),
    pendingMatches: new RedisPendingMatches(lobby, `${prefix}lobby:`),
    leases,
    limiter: (name, points, windowSeconds) =>
      PerIpLimiter.redis(shared, `${prefix}limit:${name}`, points, windowSeconds),
    attach: (io) => {
      io.adapter(createAdapter(adapter, { streamName: `${prefix}socket.io` }));
    },
    checks: [
      ...(options.databaseUrl ? [{ name: 'leases', check: () => leases.check() }] : []),
      {
        name: 'redis',
        // Every connection: the lobby's and the adapter's matter as much as the limiter's.
        check: async () => {
          for (const redis of [shared, lobby, adapter]) {
            if (redis.status !== 'ready') throw new Error(`redis connection ${redis.status}`);
          }
          await shared.ping();
        },
      },
    ],
    async close() {
      await leases.close();
      for (const redis of [shared, lobby, adapter]) redis.disconnect();
    },
  };
}
