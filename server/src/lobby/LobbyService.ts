import { randomUUID } from 'node:crypto';
import {
  LOBBY_ARRIVAL_MS,
  type LobbyEnterRequest,
  type LobbyMatch,
  type LobbyStatus,
} from '@mockloop/shared';
import { AppError } from '../rooms/AppError.js';
import type { RoomService } from '../rooms/RoomService.js';
import { KeyedMutex } from './KeyedMutex.js';
import { assignSeats, type WaitingEntry } from './pairing.js';
import type { WaitingQueue } from './WaitingQueue.js';

/** How the lobby reaches people: by channel (a Socket.IO room name). */
export interface LobbyNotifier {
  status(channel: string, status: LobbyStatus): void;
  matched(channel: string, match: LobbyMatch): void;
}

interface PendingMatch {
  roomId: string;
  /** Participant id -> the entry that produced it, and whether they have opened the room. */
  seats: Map<string, { entry: WaitingEntry; arrived: boolean }>;
  timer: NodeJS.Timeout;
}

/** Where someone who was matched, arrived, and lost their partner is reachable: their room sockets. */
export const participantChannel = (participantId: string) => `participant:${participantId}`;

/**
 * Pairs strangers: first come first served over a WaitingQueue, creates the room with both seats,
 * and re-queues at the front whoever arrived when their partner does not within the arrival
 * window. Operations run one at a time so nobody is matched twice.
 */
export class LobbyService {
  private readonly lock = new KeyedMutex();
  private readonly pending = new Map<string, PendingMatch>();

  constructor(
    private readonly queue: WaitingQueue,
    private readonly rooms: RoomService,
    private readonly tracks: () => string[],
    private readonly notify: LobbyNotifier,
    private readonly arrivalMs = LOBBY_ARRIVAL_MS,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = (err) => console.error('[lobby]', err),
  ) {}

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
    };
    return this.lock.run('lobby', () => this.place(entry, false));
  }

  /** Leaves the line (the Leave button, or the tab closed). */
  async leave(channel: string): Promise<void> {
    await this.lock.run('lobby', async () => {
      if ((await this.queue.removeChannel(channel)).length > 0) await this.broadcastPositions();
    });
  }

  /** A matched participant opened the room. */
  arrived(participantId: string): void {
    for (const match of this.pending.values()) {
      const seat = match.seats.get(participantId);
      if (!seat) continue;
      seat.arrived = true;
      if ([...match.seats.values()].every((s) => s.arrived)) {
        clearTimeout(match.timer);
        this.pending.delete(match.roomId);
      }
    }
  }

  /** Stops the arrival timers (server shutdown). */
  close(): void {
    for (const match of this.pending.values()) clearTimeout(match.timer);
    this.pending.clear();
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
    const { roomId, participants } = await this.rooms.createRoomWithSeats(interviewer.roundType, [
      { name: interviewer.name, role: 'interviewer' },
      { name: candidate.name, role: 'candidate' },
    ]);
    const [ivy, cal] = participants;
    if (!ivy || !cal) throw new Error('room created without both seats');
    const match: PendingMatch = {
      roomId,
      seats: new Map([
        [ivy.id, { entry: interviewer, arrived: false }],
        [cal.id, { entry: candidate, arrived: false }],
      ]),
      timer: setTimeout(() => {
        this.expire(roomId).catch((err) => this.onError(err));
      }, this.arrivalMs),
    };
    match.timer.unref();
    this.pending.set(roomId, match);
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

  /** The arrival window closed: whoever arrived goes back to the front of the line. */
  private async expire(roomId: string): Promise<void> {
    await this.lock.run('lobby', async () => {
      const match = this.pending.get(roomId);
      if (!match) return;
      this.pending.delete(roomId);
      const seats = [...match.seats.entries()];
      if (seats.every(([, s]) => s.arrived) || seats.every(([, s]) => !s.arrived)) return;
      for (const [participantId, seat] of seats) {
        if (!seat.arrived) continue;
        const again: WaitingEntry = {
          ...seat.entry,
          id: randomUUID(),
          channel: participantChannel(participantId),
          requeued: true,
        };
        const status = await this.place(again, true);
        if (status.state === 'waiting') this.notify.status(again.channel, status);
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
