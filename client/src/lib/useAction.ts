import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ActionScopeContext, isConnectionProblem, NOT_SENT } from './actionScope';

/** A connection problem says what to check; after this long it has been read, or no longer applies. */
const CONNECTION_PROBLEM_SHOWN_MS = 20_000;

/**
 * Wraps an action that resolves with an error message (or null) into busy and error state for a
 * button, so every control shows progress and failures the same way. In a room (ActionScope), an
 * error clears itself when it no longer applies: once the round it was clicked in is over, and a
 * connection problem once the connection is back (or after a while).
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<string | null>) {
  const scope = useContext(ActionScopeContext);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; round: number | null } | null>(null);
  const round = useRef<number | null>(null);
  round.current = scope?.round ?? null;
  const run = useCallback(
    async (...args: A) => {
      const clickedIn = round.current;
      setBusy(true);
      setFailure(null);
      const problem = await action(...args);
      setFailure(problem === null ? null : { message: problem, round: clickedIn });
      setBusy(false);
    },
    [action],
  );
  const connected = scope?.connected ?? true;
  const connectionProblem = failure !== null && isConnectionProblem(failure.message);
  // A connection problem goes when the connection comes back (a drop and a re-join), or in time.
  const [seenDown, setSeenDown] = useState(false);
  useEffect(() => {
    if (!connectionProblem) return setSeenDown(false);
    if (!connected) return setSeenDown(true);
    if (seenDown) setFailure(null);
    const timer = setTimeout(() => setFailure(null), CONNECTION_PROBLEM_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [connectionProblem, connected, seenDown]);
  const stale =
    failure !== null &&
    // Dropped because the room moved on: the room's own notice says so (OutageBanner).
    (failure.message.startsWith(NOT_SENT) ||
      (failure.round !== null && scope !== null && failure.round !== scope.round));
  return { run, busy, error: failure === null || stale ? null : failure.message };
}
