import type { CallConfig, CallMedia, CallSignal, CallSignalDelivery } from '@mockloop/shared';

/** What the call needs of the control socket (P-CALL-1..4). */
export interface CallChannel {
  /** Enters the call from this page: the ICE configuration, or an error message. */
  join(endpoint: string, media: CallMedia): Promise<CallConfig | string>;
  /** Fresh ICE configuration (TURN credentials) for this page in the call, or an error message. */
  ice(): Promise<CallConfig | string>;
  media(media: CallMedia): Promise<string | null>;
  leave(): Promise<string | null>;
  /** Fire and forget: a signal the server refuses is logged, and negotiation recovers. */
  signal(to: string, signal: CallSignal): void;
  onSignal(listener: (delivery: CallSignalDelivery) => void): () => void;
  /** Called after every successful join, the first and each one after a reconnect. */
  onJoined(listener: () => void): () => void;
}
