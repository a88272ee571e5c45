import type { Language, ParticipantView } from '@mockloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { RunnerClient } from './RunnerClient';
import type { LoadStage } from './sandboxProtocol';
import { appendRun, RUNS_ARRAY, readRuns, type SharedRun, toSharedRun } from './sharedRuns';
import { RUNNABLE_LANGUAGES, type RunLanguage, type RunRequest, type RunResult } from './types';

export interface RunState {
  running: boolean;
  /** What the runner is loading while the run waits for it (Python's download, with its bytes). */
  stage: LoadStage | null;
  /** Output of the run in progress, streamed. */
  live: string;
  /** The last hidden-test run, in full, with its shared record's id: kept in this browser only. */
  hidden: { runId: string; result: RunResult } | null;
}

/**
 * The room's runner: a fresh sandbox per run, with a warm spare for the room's language while
 * this person can run code (a player); results appended to the round's code document so everyone
 * sees them (and a refresh keeps them).
 */
export function useRunner(
  doc: Y.Doc | undefined,
  self: ParticipantView,
  language: Language,
  canRun: boolean,
) {
  const client = useRef<RunnerClient | null>(null);
  const [runs, setRuns] = useState<SharedRun[]>([]);
  const [state, setState] = useState<RunState>({ running: false, stage: null, live: '', hidden: null });

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

  useEffect(() => {
    if (!doc) return;
    const array = doc.getArray<SharedRun>(RUNS_ARRAY);
    const update = () => setRuns(readRuns(doc));
    update();
    array.observe(update);
    return () => array.unobserve(update);
  }, [doc]);

  const run = useCallback(
    async (request: RunRequest, kind: SharedRun['kind'], timeLimitMs: number) => {
      const runner = client.current;
      if (!runner || !doc || runner.running) return;
      setState((s) => ({ ...s, running: true, stage: null, live: '' }));
      const result = await runner.run(request, timeLimitMs, {
        onProgress: (stage) => setState((s) => ({ ...s, stage })),
        onOutput: (text) =>
          setState((s) => ({ ...s, live: s.live.length < 200_000 ? s.live + text : s.live })),
      });
      const id = crypto.randomUUID();
      appendRun(
        doc,
        toSharedRun(result, {
          id,
          by: { id: self.id, name: self.name },
          at: Date.now(),
          language: request.language,
          kind,
        }),
      );
      setState((s) => ({
        running: false,
        stage: null,
        live: '',
        hidden: kind === 'hidden-tests' ? { runId: id, result } : s.hidden,
      }));
    },
    [doc, self.id, self.name],
  );

  return { runs, state, run };
}
