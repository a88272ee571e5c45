import { useCallback, useState } from 'react';

/**
 * Wraps an action that resolves with an error message (or null) into busy and error state for a
 * button, so every control shows progress and failures the same way.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<string | null>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      const problem = await action(...args);
      setError(problem);
      setBusy(false);
    },
    [action],
  );
  return { run, busy, error };
}
