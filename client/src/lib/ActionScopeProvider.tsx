import { type ReactNode, useMemo } from 'react';
import { ActionScopeContext } from './actionScope';

/** Gives the room's controls their scope (the round, the connection), the same object while neither changes. */
export function ActionScopeProvider({
  round,
  connected,
  children,
}: {
  round: number;
  connected: boolean;
  children: ReactNode;
}) {
  const scope = useMemo(() => ({ round, connected }), [round, connected]);
  return <ActionScopeContext.Provider value={scope}>{children}</ActionScopeContext.Provider>;
}
