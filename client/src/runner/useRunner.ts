import type { ParticipantView } from '@mockloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { RunnerClient } from './RunnerClient';
import { appendRun, RUNS_ARRAY, readRuns, type SharedRun, toSharedRun } from './sharedRuns';
import type { RunRequest, RunResult } from './types';

export interface RunState {
  running: boolean;
  stage: string | null;
  /** Output of the run in progress, streamed. */
  live: string;
  /** The last hidden-test run, in full: kept in this browser only (the interviewer's). */
  hidden: RunResult | null;
}

/**
 * The room's runner: one worker per page, results appended to the round's code document so
 * everyone sees them (and a refresh keeps them).
 */
export function useRunner(doc: Y.Doc | undefined, self: ParticipantView) {
  const client = useRef<RunnerClient | null>(null);
  const [runs, setRuns] = useState<SharedRun[]>([]);
  const [state, setState] = useState<RunState>({ running: false, stage: null, live: '', hidden: null });

  useEffect(() => {
    client.current = new RunnerClient(
      () =>
        new Worker(new URL('./runner.worker.ts', import.meta.url), {
          type: 'module',
          name: 'mockloop-runner',
        }),
    );
    return () => client.current?.dispose();
  }, []);

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
      appendRun(
        doc,
        toSharedRun(result, {
          id: crypto.randomUUID(),
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
        hidden: kind === 'hidden-tests' ? result : s.hidden,
      }));
    },
    [doc, self.id, self.name],
  );

  return { runs, state, run };
}
