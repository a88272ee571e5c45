/**
 * Think out loud, recorded (P-AUDIO-*): each seated person may record their own microphone for
 * the current round. The browser's MediaRecorder makes Opus at this bitrate…
 */
export const RECORDING_BITS_PER_SECOND = 32_000;
/** …and hands over a piece this often, uploaded at once: a crash loses about this much. */
export const RECORDING_TIMESLICE_MS = 5_000;
/** The largest piece: a 5 s piece at 32 kbit/s is about 20 KiB, so this is ample headroom. */
export const RECORDING_PIECE_MAX_BYTES = 256 * 1024;
/**
 * One person's recordings of one round together: 60 minutes at 32 kbit/s is 14.4 MB (13.7 MiB);
 * measured with the WebM container, about 258 KB a minute (README), so an hour is 14.8 MiB, and
 * the rest is headroom for Opus's variable rate.
 */
export const RECORDING_ROUND_MAX_BYTES = 16 * 1024 * 1024;
/** Recordings one person may start in one round (a reload or a toggle starts a new one). */
export const RECORDING_TAKES_PER_ROUND = 20;
/** Pieces one person may upload a minute (12 at the timeslice; the rest catches up after an outage). */
export const RECORDING_PIECES_PER_MINUTE = 60;
/** A piece may still arrive this long after its round ended (the recorder's last piece). */
export const RECORDING_LATE_PIECE_MS = 30_000;

export const RECORDING_TYPES = ['audio/webm', 'audio/ogg'] as const;

/** Recording ids are 16 random bytes in base64url, like file ids. */
export const RECORDING_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

const roomPath = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

export const RECORDING_API = {
  /** `POST {mimeType}`: starts a recording of the caller for the current round. */
  start: (roomId: string) => `${roomPath(roomId)}/recordings`,
  /** `PUT` the bytes of piece `n` (0, 1, 2… in order). */
  piece: (roomId: string, recordingId: string, n: number) =>
    `${roomPath(roomId)}/recordings/${encodeURIComponent(recordingId)}/pieces/${n}`,
  /** `GET`: one round's recordings, for its replay. */
  round: (roomId: string, round: number) => `${roomPath(roomId)}/rounds/${round}/recordings`,
  /** `GET`: a recording's bytes, its pieces in order. */
  audio: (roomId: string, round: number, recordingId: string) =>
    `${roomPath(roomId)}/rounds/${round}/recordings/${encodeURIComponent(recordingId)}`,
} as const;
