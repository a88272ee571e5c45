import type { CallMedia, CallMember } from '@mockloop/shared';

interface Entry {
  endpoint: string;
  /** The control socket that speaks for the endpoint: signals for it go there. */
  socketId: string;
  media: CallMedia;
}

/** Endpoint ids remembered per participant and room: each page load makes a new one. */
const ENDPOINTS_PER_PARTICIPANT = 16;

/**
 * Who is in each room's call: one endpoint (one page) per participant. Node-local, like presence:
 * with room affinity every socket of a room is on its owner. Forgotten on restart; the pages in
 * the call announce themselves again when they reconnect, and their peer connections carry on.
 * An endpoint id belongs to the participant who opened it for as long as anyone of the room is
 * connected here, in the call or not (P-CALL-5): ids are public in the room state.
 */
export class CallRegistry {
  private readonly rooms = new Map<string, Map<string, Entry>>();
  /** Per room: endpoint id to the participant who opened it, oldest first. */
  private readonly owners = new Map<string, Map<string, string>>();

  /**
   * Records that this participant opens `endpoint`; false when it is someone else's. Keeps the
   * latest ENDPOINTS_PER_PARTICIPANT of each participant (older pages are long gone).
   */
  claim(roomId: string, participantId: string, endpoint: string): boolean {
    let owners = this.owners.get(roomId);
    if (!owners) {
      owners = new Map();
      this.owners.set(roomId, owners);
    }
    const owner = owners.get(endpoint);
    if (owner !== undefined) return owner === participantId;
    const theirs = [...owners].filter(([, id]) => id === participantId);
    for (const [old] of theirs.slice(0, Math.max(0, theirs.length - ENDPOINTS_PER_PARTICIPANT + 1))) {
      owners.delete(old);
    }
    owners.set(endpoint, participantId);
    return true;
  }

  /** Nobody of the room is connected here any more: its endpoint ids are forgotten. */
  forgetRoom(roomId: string): void {
    this.owners.delete(roomId);
  }

  /** Puts the participant's call on this page; a page of theirs that held it is out of it now. */
  join(roomId: string, participantId: string, entry: Entry): void {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = new Map();
      this.rooms.set(roomId, room);
    }
    room.set(participantId, { ...entry });
  }

  /** The participant's entry, if the given socket is the one in the call. */
  entryOf(roomId: string, participantId: string, socketId: string): Entry | undefined {
    const entry = this.rooms.get(roomId)?.get(participantId);
    return entry?.socketId === socketId ? entry : undefined;
  }

  setMedia(roomId: string, participantId: string, socketId: string, media: CallMedia): boolean {
    const entry = this.entryOf(roomId, participantId, socketId);
    if (entry) entry.media = media;
    return entry !== undefined;
  }

  /** Takes the participant out, if this socket holds their call (an older page's leave does not). */
  leave(roomId: string, participantId: string, socketId: string): boolean {
    const room = this.rooms.get(roomId);
    if (!room || room.get(participantId)?.socketId !== socketId) return false;
    room.delete(participantId);
    if (room.size === 0) this.rooms.delete(roomId);
    return true;
  }

  byEndpoint(roomId: string, endpoint: string): { participantId: string; entry: Entry } | undefined {
    for (const [participantId, entry] of this.rooms.get(roomId) ?? []) {
      if (entry.endpoint === endpoint) return { participantId, entry };
    }
    return undefined;
  }

  members(roomId: string): CallMember[] {
    return [...(this.rooms.get(roomId) ?? [])].map(([participantId, { endpoint, media }]) => ({
      participantId,
      endpoint,
      media: { ...media },
    }));
  }
}
