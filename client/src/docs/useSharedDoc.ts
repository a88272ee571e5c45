import {
  CloseCode,
  DOC_PROTOCOL,
  DOC_TOKEN_PROTOCOL_PREFIX,
  type DocAccess,
  type ParticipantView,
  YJS_PATH_PREFIX,
} from '@mockloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type DocProblem, docProblemFor } from './docCloseMessages';
import { FragmentingWebSocket } from './FragmentingWebSocket';

export interface SharedDocHandle {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function documentServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${YJS_PATH_PREFIX.replace(/\/$/, '')}`;
}

/** The token travels as a WebSocket subprotocol, never in the URL (P-DOC-11). */
const protocolsFor = (token: string) => [DOC_PROTOCOL, `${DOC_TOKEN_PROTOCOL_PREFIX}${token}`];

/**
 * Opens one shared document over y-websocket with its token. The provider reconnects by itself
 * with back-off; edits made while offline stay in the local Y.Doc, and a copy in IndexedDB keeps
 * them even across a refresh while the server is unreachable. They merge on reconnect.
 *
 * The document uses the client id the server assigned to this tab (P-ID-3). A refreshed token
 * replaces the old one in place, for the next reconnect; `onSeatChanged` is called when the
 * server says this connection's seat is gone (a role swap), so the room can fetch new tokens.
 */
export function useSharedDoc(access: DocAccess, self: ParticipantView, onSeatChanged?: () => void) {
  const [handle, setHandle] = useState<SharedDocHandle | null>(null);
  const [connected, setConnected] = useState(false);
  const [synced, setSynced] = useState(false);
  const [problem, setProblem] = useState<DocProblem | null>(null);
  const token = useRef(access.token);
  token.current = access.token;
  const seatChanged = useRef(onSeatChanged);
  seatChanged.current = onSeatChanged;

  useEffect(() => {
    const doc = new Y.Doc();
    // Before anything reads it: awareness takes its id from the document.
    doc.clientID = access.clientId;
    // Yjs picks a new client id when a peer's update carries structs under ours; the provider
    // would then publish awareness for an id the server does not accept, and fail on close.
    // The id is ours by the server's word (P-ID-3): keep it.
    const keepClientId = () => {
      if (doc.clientID !== access.clientId) doc.clientID = access.clientId;
    };
    doc.on('afterTransactionCleanup', keepClientId);
    const local = new IndexeddbPersistence(`mockloop:${access.name}`, doc);
    const provider = new WebsocketProvider(documentServerUrl(), access.name, doc, {
      protocols: protocolsFor(token.current),
      maxBackoffTime: 4000,
      WebSocketPolyfill: FragmentingWebSocket,
    });
    const onStatus = ({ status }: { status: string }) => setConnected(status === 'connected');
    const onSync = (isSynced: boolean) => {
      setSynced(isSynced);
      if (isSynced) setProblem(null);
    };
    // The server says why it closed (P-DOC-4); 44xx codes also stop the provider's retries.
    const onClose = (event: CloseEvent | null) => {
      if (!event) return;
      if (event.code === CloseCode.SeatChanged) seatChanged.current?.();
      setProblem(docProblemFor(event.code, event.reason));
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    setHandle({ doc, provider });
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setHandle(null);
      setConnected(false);
      setSynced(false);
      setProblem(null);
    };
  }, [access.name, access.clientId]);

  // A refreshed token is used from the next connection on; the open one stays as it is.
  useEffect(() => {
    if (handle) handle.provider.protocols = protocolsFor(access.token);
  }, [handle, access.token]);

  // What peers see is stamped by the server; this is only for our own rendering.
  useEffect(() => {
    handle?.provider.awareness.setLocalStateField('user', {
      id: self.id,
      name: self.name,
      color: self.color,
      colorLight: `${self.color}33`,
    });
  }, [handle, self.id, self.name, self.color]);

  const reconnect = useCallback(() => {
    setProblem(null);
    handle?.provider.connect();
  }, [handle]);

  return { handle, connected, synced, problem, reconnect };
}
