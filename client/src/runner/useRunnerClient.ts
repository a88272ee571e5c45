import type { Language } from '@mockloop/shared';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { RunnerClient } from './RunnerClient';
import { RUNNABLE_LANGUAGES, type RunLanguage } from './types';

/**
 * The browser's sandboxes while this person can run code (none otherwise), with a warm spare:
 * Python takes seconds to start, so the spare box loads it as soon as the room is on Python and
 * the editor has its code. Not before: a spare's start-up is seconds of CPU that would otherwise
 * compete with the room opening (on two cores it pushed a returning participant's editable
 * editor from 1.4 to 2.1 s, `npm run bench:page`). A run clicked before that opens its own box.
 */
export function useRunnerClient(
  canRun: boolean,
  language: Language,
  editorReady: boolean,
): RefObject<RunnerClient | null> {
  const client = useRef<RunnerClient | null>(null);
  // Once ready, stays ready: a reconnect does not put the spare off again.
  const [warmUp, setWarmUp] = useState(editorReady);
  if (editorReady && !warmUp) setWarmUp(true);
  useEffect(() => {
    if (!canRun) return;
    const runner = new RunnerClient();
    client.current = runner;
    return () => {
      runner.dispose();
      client.current = null;
    };
  }, [canRun]);

  useEffect(() => {
    if (canRun && warmUp && RUNNABLE_LANGUAGES.includes(language)) {
      client.current?.keepWarm(language as RunLanguage);
    }
  }, [canRun, language, warmUp]);
  return client;
}
