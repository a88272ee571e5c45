import pg from 'pg';
import type { RoomLeases } from '../documents/RoomLeases.js';

/** First key of our advisory locks: this application's, so other users of the database never clash. */
const LOCK_SPACE = 727_002;

/**
 * Room leases as PostgreSQL session advisory locks on one connection of their own. A lock is held
 * for as long as that connection lives: when a node is killed, its kernel closes the connection
 * and the database frees its rooms at once, so a survivor can take them (no timeout to wait out).
 * If the connection fails while the node lives, every lease is lost and the node is told, so it
 * stops serving those rooms before another node starts.
 */
export class PgRoomLeases implements RoomLeases {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly held = new Set<string>();
  private readonly listeners: Array<() => void> = [];
  private closed = false;

  constructor(private readonly connectionString: string) {}

  async acquire(roomId: string): Promise<boolean> {
    if (this.held.has(roomId)) return true;
    const client = await this.connection();
    const { rows } = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
      [LOCK_SPACE, roomId],
    );
    if (rows[0]?.ok) this.held.add(roomId);
    return rows[0]?.ok === true;
  }

  async release(roomId: string): Promise<void> {
    if (!this.held.delete(roomId) || !this.client) return;
    await this.client
      .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE, roomId])
      .catch(() => {});
  }

  onLost(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The lease connection answers (it is opened again if it was lost). */
  async check(): Promise<void> {
    if (this.closed) throw new Error('closed');
    const client = await this.connection();
    await client.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.held.clear();
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      const lost = () => {
        if (this.client !== client) return;
        this.client = null;
        if (this.held.size === 0 || this.closed) return;
        this.held.clear();
        for (const listener of this.listeners) listener();
      };
      client.on('error', lost);
      client.on('end', lost);
      try {
        await client.connect();
      } finally {
        this.connecting = null;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }
}
