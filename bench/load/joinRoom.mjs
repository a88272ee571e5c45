import { randomBytes } from 'node:crypto';
import { API, ClientEvent, YJS_PATH_PREFIX } from '@mockloop/shared';
import { io } from 'socket.io-client';

const JOIN_TIMEOUT_MS = 20_000;

/** A fresh Yjs client id (uint32, as Y.Doc picks them), unique within this generator. */
const usedIds = new Set();
export function newClientId() {
  for (;;) {
    const id = randomBytes(4).readUInt32LE(0);
    if (id !== 0 && !usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}

/**
 * Opens a room on our server the way two browsers do: the creator POSTs /api/rooms, both open a
 * control connection (Socket.IO, WebSocket transport only) and join (the creator with its
 * secret, the guest with a name), and each gets the code document's name and its own token.
 */
export async function joinOurRoom(httpUrl, wsUrl) {
  const res = await fetch(`${httpUrl}${API.rooms}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roundType: 'coding', name: 'A' }),
  });
  if (res.status !== 201) throw new Error(`create room: ${res.status}`);
  const { roomId, secret } = await res.json();
  const controls = [];
  try {
    const creator = await join(httpUrl, roomId, { roomId, secret }, controls);
    const guest = await join(httpUrl, roomId, { roomId, name: 'B' }, controls);
    const docUrl = (access) =>
      `${wsUrl}${YJS_PATH_PREFIX}${access.name}?token=${encodeURIComponent(access.token)}`;
    return {
      docName: creator.documents.code.name,
      urls: [docUrl(creator.documents.code), docUrl(guest.documents.code)],
      // The client ids the server assigned (an older build assigns none: pick our own).
      clientIds: [
        creator.documents.code.clientId ?? newClientId(),
        guest.documents.code.clientId ?? newClientId(),
      ],
      controls,
    };
  } catch (err) {
    for (const socket of controls) socket.disconnect();
    throw err;
  }
}

async function join(httpUrl, roomId, payload, controls) {
  // No reconnection: a dropped control connection must show up as an error, not be papered over.
  // The room in the query, as the browser sends it: a balancer routes the socket by it.
  const socket = io(httpUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    query: { room: roomId },
  });
  controls.push(socket);
  const ack = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck(ClientEvent.Join, payload);
  if (!ack.ok) throw new Error(`join: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** A room on the reference server: no join step, any document name, no token. */
export function referenceRoom(wsUrl, index) {
  const docName = `bench-${index}-${randomBytes(6).toString('base64url')}`;
  const url = `${wsUrl}/${docName}`;
  return { docName, urls: [url, url], clientIds: [newClientId(), newClientId()] };
}
