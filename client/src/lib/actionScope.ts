import { createContext } from 'react';

/**
 * Where the room's controls act: the current round and whether the connection is up. Errors of
 * an action (useAction) clear themselves when it moves on: an action of an earlier round, or a
 * connection problem once the connection is back. Outside a room there is no scope.
 */
export interface ActionScope {
  round: number;
  connected: boolean;
}

export const ActionScopeContext = createContext<ActionScope | null>(null);

/** Said when the connection dropped after an action went out but before the server confirmed it. */
export const UNCONFIRMED =
  'The connection dropped before the server confirmed this: look whether it happened, and try again if not.';

/** Messages about the connection rather than the action: they clear once the connection is back. */
export function isConnectionProblem(message: string): boolean {
  return message === UNCONFIRMED;
}

/**
 * How a message starts when an action clicked offline was dropped because the room moved on. The
 * room says those itself (the outage banner), so the control that was clicked does not repeat it.
 */
export const NOT_SENT = 'Not sent: ';
