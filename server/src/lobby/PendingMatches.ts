import type { WaitingEntry } from './pairing.js';

/** A match whose two people have been sent to their room and have until `deadline` to arrive. */
export interface PendingMatch {
  roomId: string;
  deadline: number;
  seats: Array<{ participantId: string; entry: WaitingEntry; arrived: boolean }>;
}

/**
 * Matches waiting for both people to open their room. Behind an interface so that, on several
 * nodes, a person who arrives at another node than the one that matched them still counts
 * (RedisPendingMatches), and a window that closes is handled by exactly one node.
 */
export interface PendingMatches {
  add(match: PendingMatch): Promise<void>;
  /** Marks the participant as arrived; a match everyone has arrived at is done and dropped. */
  arrive(participantId: string): Promise<void>;
  /** Removes and returns the matches whose deadline has passed; each goes to one caller only. */
  takeExpired(now: number): Promise<PendingMatch[]>;
}

/** The single-node pending matches. */
export class InMemoryPendingMatches implements PendingMatches {
  private readonly matches = new Map<string, PendingMatch>();

  async add(match: PendingMatch): Promise<void> {
    this.matches.set(match.roomId, structuredClone(match));
  }

  async arrive(participantId: string): Promise<void> {
    for (const match of this.matches.values()) {
      const seat = match.seats.find((s) => s.participantId === participantId);
      if (!seat) continue;
      seat.arrived = true;
      if (match.seats.every((s) => s.arrived)) this.matches.delete(match.roomId);
    }
  }

  async takeExpired(now: number): Promise<PendingMatch[]> {
    const due = [...this.matches.values()].filter((m) => m.deadline <= now);
    for (const match of due) this.matches.delete(match.roomId);
    return due;
  }
}
