import type { Language } from '@mockloop/shared';
import { type RefObject, useEffect, useRef } from 'react';
import { RunnerClient } from './RunnerClient';
import { RUNNABLE_LANGUAGES, type RunLanguage } from './types';

/**
 * The browser's sandboxes while this person can run code (none otherwise), with a warm spare:
 * Python takes seconds to start, so the spare box loads it as soon as the room is on Python.
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

  useEffect(() => {
    if (canRun && RUNNABLE_LANGUAGES.includes(language)) client.current?.keepWarm(language as RunLanguage);
  }, [canRun, language]);
  return client;
}
