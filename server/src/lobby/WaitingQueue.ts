import { findPartner, type WaitingEntry } from './pairing.js';

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
    // One entry per person: entering again (a double click, a second tab) replaces the old place,
    // before any match is looked for, so nobody is ever matched with their own earlier entry.
    this.entries = this.entries.filter((e) => e.person !== newcomer.person && e.channel !== newcomer.channel);
    const partner = findPartner(this.entries, newcomer);
    if (partner) {
      this.entries = this.entries.filter((e) => e !== partner);
      return partner;
    }
    if (front) this.entries.unshift(newcomer);
    else this.entries.push(newcomer);
    return null;
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
