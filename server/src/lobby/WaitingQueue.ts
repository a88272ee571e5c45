import type { WaitingEntry } from './pairing.js';
import { placeInLine } from './placeInLine.js';

/**
 * The lobby's waiting line. Async so it can live in Redis when the app runs on several nodes;
 * each method is atomic with respect to the others.
 */
export interface WaitingQueue {
  /**
   * Drops the newcomer's person's earlier entry (one entry per person), then removes and returns
   * the first compatible waiting entry, or adds the newcomer (at the back, or front).
   */
  matchOrEnqueue(newcomer: WaitingEntry, front?: boolean): Promise<WaitingEntry | null>;
  remove(id: string): Promise<WaitingEntry | null>;
  /** Removes every entry reachable through `channel` (a closed tab). */
  removeChannel(channel: string): Promise<WaitingEntry[]>;
  list(): Promise<WaitingEntry[]>;
}

/** The single-node waiting line: an array in queue order. */
export class InMemoryWaitingQueue implements WaitingQueue {
  private entries: WaitingEntry[] = [];

  async matchOrEnqueue(newcomer: WaitingEntry, front = false): Promise<WaitingEntry | null> {
    const { line, partner } = placeInLine(this.entries, newcomer, front);
    this.entries = line;
    return partner;
  }

  async remove(id: string): Promise<WaitingEntry | null> {
    const found = this.entries.find((e) => e.id === id) ?? null;
    if (found) this.entries = this.entries.filter((e) => e !== found);
    return found;
  }

  async removeChannel(channel: string): Promise<WaitingEntry[]> {
    const gone = this.entries.filter((e) => e.channel === channel);
    this.entries = this.entries.filter((e) => e.channel !== channel);
    return gone;
  }

  async list(): Promise<WaitingEntry[]> {
    return [...this.entries];
  }
}
