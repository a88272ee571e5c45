import { type DocAccess, type ParticipantView, YJS_PATH_PREFIX } from '@mockloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type DocProblem, docProblemFor } from './docCloseMessages';

export interface SharedDocHandle {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function documentServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${YJS_PATH_PREFIX.replace(/\/$/, '')}`;
}

/**
 * Opens one shared document over y-websocket with its token. The provider reconnects by itself
 * with back-off; edits made while offline stay in the local Y.Doc, and a copy in IndexedDB keeps
 * them even across a refresh while the server is unreachable. They merge on reconnect.
 */
export function useSharedDoc(access: DocAccess, self: ParticipantView) {
  const [handle, setHandle] = useState<SharedDocHandle | null>(null);
  const [connected, setConnected] = useState(false);
  const [synced, setSynced] = useState(false);
  const [problem, setProblem] = useState<DocProblem | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`mockloop:${access.name}`, doc);
    const provider = new WebsocketProvider(documentServerUrl(), access.name, doc, {
      params: { token: access.token },
      maxBackoffTime: 4000,
    });
    const onStatus = ({ status }: { status: string }) => setConnected(status === 'connected');
    const onSync = (isSynced: boolean) => {
      setSynced(isSynced);
      if (isSynced) setProblem(null);
    };
    // The server says why it closed (P-DOC-4); 44xx codes also stop the provider's retries.
    const onClose = (event: CloseEvent | null) => {
      if (event) setProblem(docProblemFor(event.code, event.reason));
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
  }, [access.name, access.token]);

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
