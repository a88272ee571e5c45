import { randomUUID } from 'node:crypto';
import {
  LOBBY_ARRIVAL_MS,
  type LobbyEnterRequest,
  type LobbyMatch,
  type LobbyStatus,
  type RoundType,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import { KeyedMutex } from '../common/KeyedMutex.js';
import type { RoomStart } from '../rooms/firstRound.js';
import type { RoomService } from '../rooms/RoomService.js';
import type { PendingMatches } from './PendingMatches.js';
import { assignSeats, type WaitingEntry } from './pairing.js';
import type { WaitingQueue } from './WaitingQueue.js';

/** How the lobby reaches people: by channel (a Socket.IO room name). */
export interface LobbyNotifier {
  status(channel: string, status: LobbyStatus): void;
  matched(channel: string, match: LobbyMatch): void;
}

/** Where someone who was matched, arrived, and lost their partner is reachable: their room sockets. */
export const participantChannel = (participantId: string) => `participant:${participantId}`;

export interface LobbyOptions {
  /** How long a matched person has to open the room (default LOBBY_ARRIVAL_MS). */
  arrivalMs?: number;
  /** How a matched pair's room begins (default: a plain room of their round type). */
  roomStart?: (trackId: string, roundType: RoundType, seen: ReadonlySet<string>) => RoomStart;
  now?: () => number;
  onError?: (err: unknown) => void;
}

/**
 * Pairs strangers: first come first served over a WaitingQueue, creates the room with both seats,
 * and re-queues at the front whoever arrived when their partner does not within the arrival
 * window. On one node, operations run one at a time; across nodes the queue and the pending
 * matches are shared (Redis) and each step is atomic there, so nobody is matched twice.
 */
export class LobbyService {
  private readonly lock = new KeyedMutex();
  private readonly arrivalMs: number;
  private readonly now: () => number;
  private readonly onError: (err: unknown) => void;
  private readonly roomStart: (trackId: string, roundType: RoundType, seen: ReadonlySet<string>) => RoomStart;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly queue: WaitingQueue,
    private readonly pending: PendingMatches,
    private readonly rooms: RoomService,
    private readonly tracks: () => string[],
    private readonly notify: LobbyNotifier,
    options: LobbyOptions = {},
  ) {
    this.arrivalMs = options.arrivalMs ?? LOBBY_ARRIVAL_MS;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? ((err) => console.error('[lobby]', err));
    this.roomStart = options.roomStart ?? ((_, roundType) => ({ roundType, opening: {}, loop: null }));
    // Any node may close any window: the one that takes it from the shared set handles it.
    this.sweeper = setInterval(
      () => {
        this.expireDue().catch((err) => this.onError(err));
      },
      Math.max(25, Math.min(250, this.arrivalMs / 4)),
    );
    this.sweeper.unref();
  }

  /** Joins the line (or is matched at once). */
  async enter(channel: string, request: LobbyEnterRequest): Promise<LobbyStatus> {
    if (!this.tracks().includes(request.trackId)) throw new AppError('NOT_FOUND', 'There is no such track.');
    const entry: WaitingEntry = {
      id: randomUUID(),
      person: request.person ? `browser:${request.person}` : `socket:${channel}`,
      channel,
      name: request.name,
      trackId: request.trackId,
      roundType: request.roundType,
      role: request.role,
      enqueuedAt: this.now(),
      requeued: false,
      ...(request.seen ? { seen: request.seen } : {}),
    };
    return this.lock.run('lobby', () => this.place(entry, false));
  }

  /** Leaves the line (the Leave button, or the tab closed). */
  async leave(channel: string): Promise<void> {
    await this.lock.run('lobby', async () => {
      if ((await this.queue.removeChannel(channel)).length > 0) await this.broadcastPositions();
    });
  }

  /** A matched participant opened the room (on whichever node). */
  async arrived(participantId: string): Promise<void> {
    await this.lock.run('lobby', () => this.pending.arrive(participantId));
  }

  /** Stops closing arrival windows (server shutdown). */
  close(): void {
    clearInterval(this.sweeper);
  }

  private async place(entry: WaitingEntry, front: boolean): Promise<LobbyStatus> {
    const partner = await this.queue.matchOrEnqueue(entry, front);
    if (!partner) {
      await this.broadcastPositions();
      return this.statusOf(entry);
    }
    await this.createMatch(partner, entry);
    await this.broadcastPositions();
    return { state: 'left' };
  }

  private async createMatch(first: WaitingEntry, second: WaitingEntry): Promise<void> {
    const { interviewer, candidate } = assignSeats(first, second);
    const { roomId, participants } = await this.rooms.createRoomWithSeats(
      // The plan draws what neither has seen first, the candidate's browser above all (P-SEEN-2).
      this.roomStart(
        interviewer.trackId,
        interviewer.roundType,
        new Set([...(candidate.seen ?? []), ...(interviewer.seen ?? [])]),
      ),
      [
        { name: interviewer.name, role: 'interviewer' },
        { name: candidate.name, role: 'candidate' },
      ],
    );
    const [ivy, cal] = participants;
    if (!ivy || !cal) throw new Error('room created without both seats');
    await this.pending.add({
      roomId,
      deadline: this.now() + this.arrivalMs,
      seats: [
        { participantId: ivy.id, entry: interviewer, arrived: false },
        { participantId: cal.id, entry: candidate, arrived: false },
      ],
    });
    this.notify.matched(interviewer.channel, {
      roomId,
      secret: ivy.secret,
      role: 'interviewer',
      partnerName: candidate.name,
    });
    this.notify.matched(candidate.channel, {
      roomId,
      secret: cal.secret,
      role: 'candidate',
      partnerName: interviewer.name,
    });
  }

  /** Arrival windows that closed: whoever arrived goes back to the front of the line. */
  private async expireDue(): Promise<void> {
    await this.lock.run('lobby', async () => {
      for (const match of await this.pending.takeExpired(this.now())) {
        const seats = match.seats;
        if (seats.every((s) => s.arrived) || seats.every((s) => !s.arrived)) continue;
        for (const seat of seats) {
          if (!seat.arrived) continue;
          const again: WaitingEntry = {
            ...seat.entry,
            id: randomUUID(),
            channel: participantChannel(seat.participantId),
            requeued: true,
          };
          const status = await this.place(again, true);
          if (status.state === 'waiting') this.notify.status(again.channel, status);
        }
      }
    });
  }

  private async statusOf(entry: WaitingEntry): Promise<LobbyStatus> {
    const line = await this.queue.list();
    const index = line.findIndex((e) => e.id === entry.id);
    if (index < 0) return { state: 'left' };
    return {
      state: 'waiting',
      position: index + 1,
      waiting: line.length,
      since: entry.enqueuedAt,
      requeued: entry.requeued,
    };
  }

  private async broadcastPositions(): Promise<void> {
    const line = await this.queue.list();
    for (const [index, entry] of line.entries()) {
      this.notify.status(entry.channel, {
        state: 'waiting',
        position: index + 1,
        waiting: line.length,
        since: entry.enqueuedAt,
        requeued: entry.requeued,
      });
    }
  }
}
