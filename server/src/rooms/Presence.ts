/** Who is online in a room, as far as this node knows. */
export interface PresenceEntry {
  online: boolean;
  away: boolean;
}

/**
 * Tracks live control connections per participant. Node-local; behind this interface so a
 * multi-node deployment can keep it in Redis instead.
 */
export interface Presence {
  connect(roomId: string, participantId: string, connectionId: string): void;
  /** Returns true when this was the participant's last connection in the room. */
  disconnect(roomId: string, participantId: string, connectionId: string): boolean;
  setAway(roomId: string, participantId: string, away: boolean): void;
  snapshot(roomId: string): Map<string, PresenceEntry>;
  /** Rooms with a live control connection here, and how many each has. */
  connectedRooms(): Map<string, number>;
}

export class InMemoryPresence implements Presence {
  private readonly rooms = new Map<string, Map<string, { connections: Set<string>; away: boolean }>>();

  connect(roomId: string, participantId: string, connectionId: string): void {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = new Map();
      this.rooms.set(roomId, room);
    }
    let entry = room.get(participantId);
    if (!entry) {
      entry = { connections: new Set(), away: false };
      room.set(participantId, entry);
    }
    entry.connections.add(connectionId);
  }

  disconnect(roomId: string, participantId: string, connectionId: string): boolean {
    const room = this.rooms.get(roomId);
    const entry = room?.get(participantId);
    if (!room || !entry) return false;
    entry.connections.delete(connectionId);
    if (entry.connections.size > 0) return false;
    room.delete(participantId);
    if (room.size === 0) this.rooms.delete(roomId);
    return true;
  }

  setAway(roomId: string, participantId: string, away: boolean): void {
    const entry = this.rooms.get(roomId)?.get(participantId);
    if (entry) entry.away = away;
  }

  connectedRooms(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [roomId, room] of this.rooms) {
      let n = 0;
      for (const entry of room.values()) n += entry.connections.size;
      counts.set(roomId, n);
    }
    return counts;
  }

  snapshot(roomId: string): Map<string, PresenceEntry> {
    const result = new Map<string, PresenceEntry>();
    for (const [id, entry] of this.rooms.get(roomId) ?? []) {
      result.set(id, { online: entry.connections.size > 0, away: entry.away });
    }
    return result;
  }
}
