import { CloseCode } from '@mockloop/shared';
import type { DocManager } from '../documents/DocManager.js';
import type { Logger } from '../logging/createLogger.js';
import { redact } from '../logging/redact.js';
import type { Metrics } from '../metrics/Metrics.js';
import type { ParticipantRecord, Store } from '../store/Store.js';

export interface RoomDeletionDeps {
  store: Store;
  docs: DocManager;
  /** Closes the room's document connections with this code (the document plane). */
  closeDocuments: (roomId: string, code: number, reason: string) => void;
  /** Tells the room's control sockets, on every node, that it is gone, and disconnects them. */
  closeControl: (roomId: string) => void;
  log: Logger;
  metrics: Metrics;
}

/**
 * Deletes a room on request (P-ROOM-7): its people's connections are told and closed, its
 * documents dropped without a last write, then every row of it (participants, rounds, timeline,
 * feedback, images, documents) is deleted and the store's files purged of it (P-ROOM-6).
 */
export class RoomDeletion {
  constructor(private readonly deps: RoomDeletionDeps) {}

  /** Whether this participant may delete their room: they held a seat in one of its rounds. */
  async mayDelete(participant: ParticipantRecord): Promise<boolean> {
    const rounds = await this.deps.store.listRounds(participant.roomId);
    return rounds.some((r) => r.interviewerId === participant.id || r.candidateId === participant.id);
  }

  /** Deletes the room; false when there is no such room. */
  async delete(roomId: string, reason: 'request' | 'operator'): Promise<boolean> {
    const { store, docs, log } = this.deps;
    if (!(await store.getRoom(roomId))) return false;
    const why = 'This room was deleted.';
    this.deps.closeDocuments(roomId, CloseCode.RoomDeleted, why);
    await docs.forgetRoom(roomId, CloseCode.RoomDeleted, why);
    await store.deleteRoom(roomId);
    await store.purgeDeleted?.();
    // After the rows are gone: a socket that re-joins now is refused (NOT_FOUND).
    this.deps.closeControl(roomId);
    this.deps.metrics.roomsDeleted.inc({ reason });
    log.info({ room: redact(roomId), reason }, 'room deleted');
    return true;
  }
}
