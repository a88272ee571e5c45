import { AppError } from '../common/AppError.js';
import { CONFLICT, untilWritten } from '../common/untilWritten.js';
import type { RoomStore } from '../store/RoomStore.js';
import type { RoomRecord, RoundPatch, RoundRecord } from '../store/records.js';

/** What a round mutation decided: a patch to write (with a result), or nothing to do. */
export type RoundChange<T> = { patch: RoundPatch; result: T } | { patch: null; result: T };

/**
 * Reads the room's revision, then its current round, lets `decide` compute a patch (or throw an
 * AppError, or decline), and writes it guarded by that revision; re-reads and decides again if
 * another change landed first (S-REV-2). Resolves with what `decide` returned and the round it
 * saw.
 */
export function mutateCurrentRound<T>(
  store: RoomStore,
  roomId: string,
  decide: (round: RoundRecord, room: RoomRecord) => RoundChange<T>,
): Promise<{ result: T; round: RoundRecord; room: RoomRecord; written: boolean }> {
  return untilWritten(async () => {
    const room = await store.getRoom(roomId);
    const round = room ? await store.getCurrentRound(roomId) : null;
    if (!room || !round) throw new AppError('NOT_FOUND', 'This room does not exist.');
    const change = decide(round, room);
    if (change.patch === null) return { result: change.result, round, room, written: false };
    const written = await store.updateRound(roomId, round.number, change.patch, room.revision);
    return written === 'written' ? { result: change.result, round, room, written: true } : CONFLICT;
  });
}
