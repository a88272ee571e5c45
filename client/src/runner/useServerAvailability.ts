import { isServerLanguage, type Language, type RunnerAvailability } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import type { ServerRunChannel } from './serverRuns';

/** How often to ask again while the server is still getting a language ready. */
const ASK_AGAIN_MS = 2000;

/**
 * What the server can run, asked when the room moves to a server language (and again while
 * the server is still getting ready).
 */
export function useServerAvailability(canRun: boolean, language: Language, server: ServerRunChannel) {
  const [availability, setAvailability] = useState<RunnerAvailability | null>(null);
  useEffect(() => {
    if (!canRun || !isServerLanguage(language)) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const answer = await server.languages();
      if (stopped) return;
      if (answer) setAvailability(answer);
      if (!answer || answer[language]?.preparing) timer = setTimeout(ask, ASK_AGAIN_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [canRun, language, server]);
  return availability;
}
