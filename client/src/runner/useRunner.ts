import {
  codeTextHash,
  isServerLanguage,
  type Language,
  type ParticipantView,
  type RunnerAvailability,
  type ServerRunProgress,
  type ServerRunResult,
} from '@mockloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { RunnerClient } from './RunnerClient';
import type { RunPlan } from './runPlans';
import type { LoadStage } from './sandboxProtocol';
import type { ServerRunChannel } from './serverRuns';
import { appendRun, RUNS_ARRAY, readRuns, type SharedRun, toSharedRun } from './sharedRuns';
import { RUNNABLE_LANGUAGES, type RunLanguage, type RunResult } from './types';

export interface RunState {
  running: boolean;
  /** What the run waits for (Python's download with its bytes, a place in the server's line). */
  stage: LoadStage | null;
  /** Output of the run in progress, streamed. */
  live: string;
  /** The last hidden-test run, in full, with its shared record's id: kept in this browser only. */
  hidden: { runId: string; result: RunResult } | null;
  /** Why the last server run did not start (busy, over budget, edits not arrived): this person only. */
  notice: string | null;
}

const IDLE: RunState = { running: false, stage: null, live: '', hidden: null, notice: null };

/**
 * The room's runner: a fresh sandbox per run in this browser (JavaScript, TypeScript, Python),
 * with a warm spare while this person can run code, results appended to the round's code
 * document so everyone sees them; or a server run (Java, C++, Go, Python + numpy), whose record
 * the server appends itself (P-SRUN-4).
 */
export function useRunner(
  doc: Y.Doc | undefined,
  self: ParticipantView,
  language: Language,
  canRun: boolean,
  server: ServerRunChannel,
) {
  const client = useRef<RunnerClient | null>(null);
  const [runs, setRuns] = useState<SharedRun[]>([]);
  const [state, setState] = useState<RunState>(IDLE);
  const [availability, setAvailability] = useState<RunnerAvailability | null>(null);

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

  // What the server can run, asked when the room moves to a server language (and again while
  // the server is still getting ready).
  useEffect(() => {
    if (!canRun || !isServerLanguage(language)) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const answer = await server.languages();
      if (stopped) return;
      if (answer) setAvailability(answer);
      if (!answer || answer[language]?.preparing) timer = setTimeout(ask, 2000);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [canRun, language, server]);

  useEffect(() => {
    if (!doc) return;
    const array = doc.getArray<SharedRun>(RUNS_ARRAY);
    const update = () => setRuns(readRuns(doc));
    update();
    array.observe(update);
    return () => array.unobserve(update);
  }, [doc]);

  const runInBrowser = useCallback(
    async (plan: Extract<RunPlan, { target: 'browser' }>) => {
      const runner = client.current;
      if (!runner || !doc || runner.running) return;
      setState((s) => ({ ...s, running: true, stage: null, live: '', notice: null }));
      const result = await runner.run(plan.request, plan.timeLimitMs, {
        onProgress: (stage) => setState((s) => ({ ...s, stage })),
        onOutput: (text) =>
          setState((s) => ({ ...s, live: s.live.length < 200_000 ? s.live + text : s.live })),
      });
      const id = crypto.randomUUID();
      const shared = toSharedRun(result, {
        id,
        by: { id: self.id, name: self.name },
        at: Date.now(),
        language: plan.request.language,
        kind: plan.kind,
      });
      appendRun(doc, { ...shared, where: 'browser' });
      setState((s) => ({
        ...IDLE,
        hidden: plan.kind === 'hidden-tests' ? { runId: id, result } : s.hidden,
      }));
    },
    [doc, self.id, self.name],
  );

  const runOnServer = useCallback(
    async (plan: Extract<RunPlan, { target: 'server' }>) => {
      setState((s) => ({
        ...s,
        running: true,
        stage: { stage: 'Sending the code to the server…' },
        live: '',
        notice: null,
      }));
      const onProgress = (progress: ServerRunProgress) =>
        setState((s) => {
          if (progress.stage === 'output') {
            return { ...s, live: s.live.length < 200_000 ? s.live + progress.text : s.live };
          }
          return { ...s, stage: { stage: serverStageText(progress) } };
        });
      const ack = await server.request(
        { kind: plan.kind, language: plan.language, textHash: codeTextHash(plan.code) },
        onProgress,
      );
      if (typeof ack === 'string' || !ack.ok) {
        setState((s) => ({
          ...IDLE,
          hidden: s.hidden,
          notice: typeof ack === 'string' ? ack : ack.error.message,
        }));
        return;
      }
      const result = ack.data;
      setState((s) => ({
        ...IDLE,
        hidden:
          plan.kind === 'hidden-tests' ? { runId: result.runId, result: asRunResult(result) } : s.hidden,
      }));
    },
    [server],
  );

  const run = useCallback(
    (plan: RunPlan) => {
      if (state.running) return;
      if (plan.target === 'server') void runOnServer(plan);
      else void runInBrowser(plan);
    },
    [state.running, runInBrowser, runOnServer],
  );

  return { runs, state, run, availability };
}

function serverStageText(progress: ServerRunProgress): string {
  if (progress.stage === 'queued') {
    return progress.position <= 1
      ? 'Next in line for a sandbox…'
      : `Waiting for a sandbox: ${progress.position} in line…`;
  }
  return progress.stage === 'compiling' ? 'Compiling on the server…' : 'Running on the server…';
}

/** A server run's answer in the shape the output panel shows for the interviewer's hidden details. */
function asRunResult(result: ServerRunResult): RunResult {
  const out: RunResult = {
    status: result.status,
    output: result.output,
    truncated: result.truncated,
    durationMs: result.runMs,
    readyMs: 0,
  };
  if (result.error) out.error = result.error;
  if (result.tests) out.tests = result.tests;
  return out;
}
