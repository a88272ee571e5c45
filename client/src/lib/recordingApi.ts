import {
  type ErrorBody,
  RECORDING_API,
  type RecordingInfo,
  type RecordingPieceStored,
  type RecordingStarted,
  type RecordingType,
  type RoundRecordings,
} from '@mockloop/shared';

/** A recording request the server refused, or (status 0) could not be sent. */
export class RecordingRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** For 409: the piece the server awaits. */
    readonly next?: number,
  ) {
    super(message);
  }
}

const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function send(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new RecordingRequestError(0, 'Cannot reach the server. Check your connection.');
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => undefined)) as { error?: ErrorBody; next?: number } | undefined;
  throw new RecordingRequestError(
    res.status,
    body?.error?.message ?? `Request failed (${res.status})`,
    body?.next,
  );
}

/** Starts a recording of this person for the room's current round (P-AUDIO-1). */
export async function startRecording(
  roomId: string,
  secret: string,
  mimeType: RecordingType,
): Promise<RecordingStarted> {
  const res = await send(RECORDING_API.start(roomId), {
    method: 'POST',
    headers: { ...auth(secret), 'content-type': 'application/json' },
    body: JSON.stringify({ mimeType }),
  });
  return res.json();
}

/** Uploads piece `n` of a recording (P-AUDIO-2: in order, each once). */
export async function uploadPiece(
  roomId: string,
  secret: string,
  recordingId: string,
  n: number,
  piece: Blob,
): Promise<RecordingPieceStored> {
  const res = await send(RECORDING_API.piece(roomId, recordingId, n), {
    method: 'PUT',
    headers: { ...auth(secret), 'content-type': piece.type },
    body: piece,
  });
  return res.json();
}

/** A round's recordings, for its replay (P-AUDIO-4); the bearer is a secret, report or review key. */
export async function fetchRoundRecordings(
  roomId: string,
  round: number,
  bearer: string,
): Promise<RecordingInfo[]> {
  const res = await send(RECORDING_API.round(roomId, round), { headers: auth(bearer) });
  return ((await res.json()) as RoundRecordings).recordings;
}

/** A recording's bytes, fetched with the bearer (no URL alone opens one). */
export async function fetchRecordingAudio(
  roomId: string,
  round: number,
  recordingId: string,
  bearer: string,
): Promise<Blob> {
  const res = await send(RECORDING_API.audio(roomId, round, recordingId), { headers: auth(bearer) });
  return res.blob();
}
