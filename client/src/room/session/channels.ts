import { ClientEvent, ServerEvent, type ServerRunProgress } from '@mockloop/shared';
import type { CallChannel } from '../../call/CallChannel';
import type { ServerRunChannel } from '../../runner/serverRuns';
import type { ActionSender } from './ActionSender';
import type { ControlClient } from './ControlClient';

const NOT_CONNECTED = 'Not connected to the server; wait for it to reconnect.';
const NO_ANSWER = 'The server did not answer; try again.';

/** The call's signalling over a room's control socket (P-CALL-1..4). */
export function callChannel(client: ControlClient, sender: ActionSender): CallChannel {
  return {
    async join(endpoint, media) {
      const socket = client.connectedSocket;
      if (!socket) return NOT_CONNECTED;
      try {
        const ack = await socket
          .timeout(client.ackTimeoutMs)
          .emitWithAck(ClientEvent.CallJoin, { endpoint, media });
        return ack.ok ? ack.data : ack.error.message;
      } catch {
        return NO_ANSWER;
      }
    },
    async ice() {
      const socket = client.connectedSocket;
      if (!socket) return NOT_CONNECTED;
      try {
        const ack = await socket.timeout(client.ackTimeoutMs).emitWithAck(ClientEvent.CallIce, {});
        return ack.ok ? ack.data : ack.error.message;
      } catch {
        return NO_ANSWER;
      }
    },
    media: (media) => sender.send(ClientEvent.CallMedia, media),
    leave: () => sender.send(ClientEvent.CallLeave, {}),
    signal(to, signal) {
      client.connectedSocket?.emit(ClientEvent.CallSignal, { to, signal }, (ack) => {
        if (!ack.ok) console.warn(`[call] signal refused: ${ack.error.message}`);
      });
    },
    onSignal: (listener) => client.callSignals.add(listener),
    onJoined: (listener) => client.joined.add(listener),
  };
}

/** Server runs (Java, C++, Go, Python + numpy) over a room's control socket. */
export function serverRunChannel(client: ControlClient): ServerRunChannel {
  return {
    async request(payload, onProgress) {
      const socket = client.connectedSocket;
      if (!socket) return NOT_CONNECTED;
      const listen = (progress: ServerRunProgress) => onProgress(progress);
      socket.on(ServerEvent.RunProgress, listen);
      try {
        // No timeout of ours: the server bounds the wait in line, the compile and the run.
        return await socket.emitWithAck(ClientEvent.RunRequest, payload);
      } catch {
        return NO_ANSWER;
      } finally {
        socket.off(ServerEvent.RunProgress, listen);
      }
    },
    async languages() {
      const socket = client.connectedSocket;
      if (!socket) return null;
      try {
        const ack = await socket.timeout(client.ackTimeoutMs).emitWithAck(ClientEvent.RunLanguages, {});
        return ack.ok ? ack.data : null;
      } catch {
        return null;
      }
    },
  };
}
