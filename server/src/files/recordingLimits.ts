import {
  RECORDING_LATE_PIECE_MS,
  RECORDING_PIECE_MAX_BYTES,
  RECORDING_PIECES_PER_MINUTE,
  RECORDING_ROUND_MAX_BYTES,
  RECORDING_TAKES_PER_ROUND,
} from '@mockloop/shared';

/** The bounds on voice recordings (P-AUDIO-2); tests narrow them to reach them quickly. */
export interface RecordingLimits {
  pieceBytes: number;
  /** One person's recordings of one round together. */
  personRoundBytes: number;
  takesPerRound: number;
  /** Pieces (and starts) one person may send a minute. */
  piecesPerMinute: number;
  /** How long after its round ended a piece of it is still taken. */
  latePieceMs: number;
}

export const DEFAULT_RECORDING_LIMITS: RecordingLimits = {
  pieceBytes: RECORDING_PIECE_MAX_BYTES,
  personRoundBytes: RECORDING_ROUND_MAX_BYTES,
  takesPerRound: RECORDING_TAKES_PER_ROUND,
  piecesPerMinute: RECORDING_PIECES_PER_MINUTE,
  latePieceMs: RECORDING_LATE_PIECE_MS,
};
