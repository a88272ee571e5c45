/** Largest image a person may add to the board: 3 MiB. */
export const BOARD_FILE_MAX_BYTES = 3 * 1024 * 1024;
/** All images of one room together: 64 MiB, so one room cannot fill the server's disk. */
export const BOARD_ROOM_MAX_BYTES = 64 * 1024 * 1024;

/** File ids are 16 random bytes in base64url: unguessable, and never derived from the content. */
export const BOARD_FILE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const BOARD_API = {
  files: (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/files`,
  file: (roomId: string, fileId: string) =>
    `/api/rooms/${encodeURIComponent(roomId)}/files/${encodeURIComponent(fileId)}`,
} as const;

/** The awareness field a participant's board presence lives in. */
export const BOARD_PRESENCE_FIELD = 'board';

/**
 * At most this many selected element ids are shared (peers outline them): 100 ids of 21
 * characters keep the whole presence state under MAX_AWARENESS_STATE_BYTES.
 */
export const MAX_SHARED_SELECTION = 100;
