import { fragmentMessage } from '@mockloop/shared';

/**
 * The browser's WebSocket, for y-websocket, with one change: a document message larger than the
 * server's frame cap (the sync step 2 of a board drawn offline, a large paste) goes out as
 * fragments the server puts back together (P-DOC-12), where it would otherwise be refused with
 * 1009 and retried forever.
 */
export class FragmentingWebSocket extends WebSocket {
  override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (data instanceof Uint8Array) {
      for (const frame of fragmentMessage(data)) super.send(frame);
    } else {
      super.send(data);
    }
  }
}
