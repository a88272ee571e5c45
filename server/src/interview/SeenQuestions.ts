/** Rooms whose people's seen lists are kept at most (the oldest joined are forgotten first). */
const MAX_ROOMS = 2000;

/**
 * Which questions each person of a room says their browser has already opened or played (sent
 * on every join, at most `MAX_SEEN_IDS`), so the interviewer can pick one the candidate has not
 * seen. Memory only, bounded: a restart forgets it until the next join brings it back.
 */
export class SeenQuestions {
  private readonly rooms = new Map<string, Map<string, readonly string[]>>();

  set(roomId: string, participantId: string, ids: readonly string[]): void {
    const people = this.rooms.get(roomId) ?? new Map<string, readonly string[]>();
    this.rooms.delete(roomId);
    this.rooms.set(roomId, people);
    people.set(participantId, [...new Set(ids)]);
    while (this.rooms.size > MAX_ROOMS) {
      const oldest = this.rooms.keys().next().value;
      if (oldest === undefined) break;
      this.rooms.delete(oldest);
    }
  }

  /** What the person said they have seen; empty when unknown. */
  get(roomId: string, participantId: string | null): readonly string[] {
    return participantId ? (this.rooms.get(roomId)?.get(participantId) ?? []) : [];
  }
}
