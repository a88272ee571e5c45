import { z } from 'zod';
import { RECORDING_TYPES } from '../values/recordings.js';

export * from '../values/recordings.js';

/** What a recording's pieces may be (the type without its parameters: `audio/webm;codecs=opus`). */
export const RecordingType = z.enum(RECORDING_TYPES);
export type RecordingType = z.infer<typeof RecordingType>;

/** `POST /api/rooms/:roomId/recordings`. */
export const StartRecordingRequest = z.object({ mimeType: RecordingType }).strict();
export type StartRecordingRequest = z.infer<typeof StartRecordingRequest>;

/** Its answer (201): the recording's id and its start in server time, which the replay aligns on. */
export interface RecordingStarted {
  recordingId: string;
  round: number;
  startedAt: number;
}

/** A stored piece's answer (201): the number the next piece must have. */
export interface RecordingPieceStored {
  next: number;
  bytes: number;
}

/** One recording of a round, for its replay. */
export interface RecordingInfo {
  id: string;
  participantId: string;
  mimeType: RecordingType;
  /** Server time when the recorder started: audio time 0 is this moment of the timeline. */
  startedAt: number;
  /** Server time of its last stored piece. */
  lastAt: number;
  pieces: number;
  bytes: number;
}

/** `GET /api/rooms/:roomId/rounds/:round/recordings`. */
export interface RoundRecordings {
  recordings: RecordingInfo[];
}
