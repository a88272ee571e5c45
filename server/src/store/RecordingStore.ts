import type { PieceRefusal, RecordingRecord } from './records.js';

/** Voice recordings, piece by piece (CONTRACT.md, "Recordings", S-AUDIO-1..2). */
export interface RecordingStore {
  /**
   * Adds a recording (no pieces yet) unless its person already has `maxPerRound` recordings of
   * that round: then it answers 'too-many' and adds nothing.
   */
  startRecording(recording: RecordingRecord, maxPerRound: number): Promise<RecordingRecord | 'too-many'>;
  /**
   * Stores piece `seq` of a recording if it is the next one, the person's recordings of that
   * round stay within `maxPersonRoundBytes` and all files within `maxTotalBytes`, in one
   * transaction; otherwise changes nothing and says why (S-AUDIO-1).
   */
  appendRecordingPiece(
    piece: { roomId: string; recordingId: string; seq: number; data: Uint8Array; at: number },
    limits: { maxPersonRoundBytes: number; maxTotalBytes?: number },
  ): Promise<RecordingRecord | PieceRefusal>;
  /** A recording of this room (null for another room's: ids do not cross rooms). */
  getRecording(roomId: string, recordingId: string): Promise<RecordingRecord | null>;
  /** A round's recordings, oldest first. */
  listRecordings(roomId: string, round: number): Promise<RecordingRecord[]>;
  /** Piece `seq` of a recording's bytes, or null. */
  loadRecordingPiece(recordingId: string, seq: number): Promise<Uint8Array | null>;
}
