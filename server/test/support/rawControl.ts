import type { Ack } from '@mockloop/shared';
import WebSocket from 'ws';

/**
 * A control connection spoken by hand (engine.io v4 / socket.io v5 packets over one WebSocket),
 * so a test can put several events into ONE TCP write, as a hostile client can and a
 * socket.io-client never does. Only what the tests need: connect, events with acks, close.
 */
export class RawControl {
  private nextAck = 0;
  private readonly pending = new Map<number, (ack: Ack<unknown>) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.receive(String(data)));
  }

  /** Opens the WebSocket and connects to the default namespace. */
  static async open(url: string, headers: Record<string, string> = {}): Promise<RawControl> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      headers,
    });
    const connected = new Promise<void>((resolve, reject) => {
      ws.on('message', (data) => {
        const text = String(data);
        if (text.startsWith('0{')) ws.send('40');
        else if (text.startsWith('40')) resolve();
        else if (text.startsWith('44')) reject(new Error(`refused: ${text}`));
      });
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    await connected;
    return new RawControl(ws);
  }

  /** One event with an acknowledgement. */
  emit<T = unknown>(event: string, payload: unknown): Promise<Ack<T>> {
    return this.batch([[event, payload]])[0] as Promise<Ack<T>>;
  }

  /** Several events written to the socket in one TCP write; their acknowledgements, in order. */
  batch(events: Array<[string, unknown]>): Array<Promise<Ack<unknown>>> {
    const tcp = (this.ws as unknown as { _socket: import('node:net').Socket })._socket;
    const acks = events.map(([event, payload]) => {
      const id = this.nextAck++;
      const ack = new Promise<Ack<unknown>>((resolve) => this.pending.set(id, resolve));
      return { id, frame: `42${id}${JSON.stringify([event, payload])}`, ack };
    });
    tcp.cork();
    for (const { frame } of acks) this.ws.send(frame);
    process.nextTick(() => tcp.uncork());
    return acks.map((a) => a.ack);
  }

  close(): void {
    this.ws.close();
  }

  private receive(text: string): void {
    if (text === '2') {
      this.ws.send('3'); // ping, pong
      return;
    }
    const ack = /^43(\d+)(\[.*)$/s.exec(text);
    if (!ack) return;
    const id = Number(ack[1]);
    const [value] = JSON.parse(ack[2] as string) as [Ack<unknown>];
    this.pending.get(id)?.(value);
    this.pending.delete(id);
  }
}
