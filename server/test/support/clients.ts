import {
  type Ack,
  ClientEvent,
  type ClientToServerEvents,
  type DocAccess,
  fragmentMessage,
  type JoinResult,
  type ServerToClientEvents,
} from '@mockloop/shared';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function createRoom(
  url: string,
  body: Record<string, unknown> = { roundType: 'coding', name: 'Ivy' },
) {
  const res = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create room: ${res.status} ${await res.text()}`);
  return (await res.json()) as { roomId: string; inviteUrl: string; secret: string };
}

/** A control connection the way the browser opens it: WebSocket transport only. */
export function connectControl(url: string, auth: Record<string, unknown> = {}): ControlSocket {
  return io(url, { transports: ['websocket'], forceNew: true, reconnectionDelayMax: 500, auth });
}

export async function join(
  socket: ControlSocket,
  payload: Record<string, unknown>,
): Promise<Ack<JoinResult>> {
  if (!socket.connected) await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  // Send the raw payload (which may carry forged fields) exactly as a hostile client would.
  return (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack<JoinResult>>)(
    ClientEvent.Join,
    payload,
  );
}

export async function joinOk(socket: ControlSocket, payload: Record<string, unknown>): Promise<JoinResult> {
  const ack = await join(socket, payload);
  if (!ack.ok) throw new Error(`join failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

export interface DocClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  destroy(): void;
}

/** ws with the browser client's one change: a message over the frame cap goes in fragments (P-DOC-12). */
class FragmentingWs extends WebSocket {
  override send(data: unknown, ...rest: unknown[]): void {
    if (data instanceof Uint8Array) {
      for (const frame of fragmentMessage(data)) super.send(frame);
    } else {
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
}

export interface OpenDocOptions {
  /** Send messages over the frame cap in fragments, as the browser does (default false: as is). */
  fragments?: boolean;
  /** Connect at once (default), or wait for `provider.connect()`. */
  connect?: boolean;
}

/** y-websocket's own WebsocketProvider over ws, with the token from a join. */
export function openDoc(wsUrl: string, access: DocAccess, options: OpenDocOptions = {}): DocClient {
  const doc = new Y.Doc();
  // As the browser does (useSharedDoc): the id its token names, kept when a reopened tab receives
  // its own earlier edits and Yjs would pick a new one (P-ID-3).
  doc.clientID = access.clientId;
  doc.on('afterTransactionCleanup', () => {
    doc.clientID = access.clientId;
  });
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, access.name, doc, {
    params: { token: access.token },
    WebSocketPolyfill: (options.fragments
      ? FragmentingWs
      : WebSocket) as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    text: doc.getText('code'),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
