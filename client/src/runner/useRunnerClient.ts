import type { Language } from '@mockloop/shared';
import { type RefObject, useEffect, useRef } from 'react';
import { RunnerClient } from './RunnerClient';
import { RUNNABLE_LANGUAGES, type RunLanguage } from './types';

/**
 * The browser sandbox runner, there only while this person can run code, with a spare sandbox
 * kept warm for the room's language. Null while they cannot run.
 */
export function useRunnerClient(canRun: boolean, language: Language): RefObject<RunnerClient | null> {
  const client = useRef<RunnerClient | null>(null);
  useEffect(() => {
    if (!canRun) return;
    const runner = new RunnerClient();
    client.current = runner;
    return () => {
      runner.dispose();
      client.current = null;
    };
  }, [canRun]);

  // Python takes seconds to start: the spare box loads it as soon as the room is on Python.
  useEffect(() => {
    if (canRun && RUNNABLE_LANGUAGES.includes(language)) client.current?.keepWarm(language as RunLanguage);
  }, [canRun, language]);
  return client;
}
