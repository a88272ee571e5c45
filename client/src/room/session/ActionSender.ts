import type { Ack, ClientToServerEvents } from '@mockloop/shared';
import { UNCONFIRMED } from '../../lib/actionScope';
import { Listeners } from '../../lib/Listeners';
import { ACTION_NAMES, type ActionEvent, type Seat, staleReason } from '../offline/queuedActions';
import type { ControlClient, Session } from './ControlClient';

/** What the outage banner shows: actions waiting for the re-join, and those that then could not go. */
export interface OfflineActions {
  waiting: string[];
  notSent: string[];
}

/**
 * Sends the room's acknowledged actions over a ControlClient's socket. One clicked during an
 * outage waits (however long) for the connection and the re-join and goes then, as the outage
 * banner promises, unless the round or the seat it was clicked in has gone by then (staleReason):
 * then it is not sent, and the room says so.
 */
export class ActionSender {
  private waiting: Array<{ id: number; name: string }> = [];
  private notSent: string[] = [];
  private nextId = 0;
  private snap: OfflineActions = { waiting: [], notSent: [] };
  private readonly changes = new Listeners<[]>();

  constructor(private readonly client: ControlClient) {}

  get offline(): OfflineActions {
    return this.snap;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.add(listener);

  dismissNotSent = (): void => {
    this.notSent = [];
    this.changed();
  };

  /** Resolves with an error message, or null once the server applied it. */
  send = async <E extends ActionEvent>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<string | null> => {
    const clicked = seatIn(this.client.snapshot.session);
    let socket = this.client.live;
    if (!socket) {
      const id = this.nextId++;
      this.waiting = [...this.waiting, { id, name: ACTION_NAMES[event] }];
      this.changed();
      // A connection that drops again between the re-join and the emit waits once more.
      do await this.client.whenJoined();
      while (!this.client.live);
      socket = this.client.live;
      this.waiting = this.waiting.filter((w) => w.id !== id);
      this.changed();
      const now = seatIn(this.client.snapshot.session);
      const stale = clicked && now ? staleReason(event, clicked, now) : null;
      if (stale) {
        this.notSent = [...this.notSent, stale];
        this.changed();
        return stale;
      }
    }
    try {
      const timed = socket.timeout(this.client.ackTimeoutMs);
      const emit = timed.emitWithAck.bind(timed) as (e: E, p: unknown) => Promise<Ack<null>>;
      const ack = await emit(event, payload);
      return ack.ok ? null : ack.error.message;
    } catch {
      // It went out; whether the server applied it before the drop is not known.
      return this.client.live ? 'The server did not answer; try again.' : UNCONFIRMED;
    }
  };

  private changed(): void {
    this.snap = { waiting: this.waiting.map((w) => w.name), notSent: this.notSent };
    this.changes.emit();
  }
}

/** The round and seat an action was clicked in, to tell later whether it still applies. */
function seatIn(session: Session): Seat | null {
  if (session.status !== 'joined') return null;
  return {
    round: session.room.round.number,
    ended: session.room.round.endedAt !== null,
    role:
      session.room.participants.find((p) => p.id === session.join.self.id)?.role ?? session.join.self.role,
  };
}
