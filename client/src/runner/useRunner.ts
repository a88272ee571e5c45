import { codeTextHash, type Language, type ParticipantView, type ServerRunProgress } from '@mockloop/shared';
import { useCallback, useState } from 'react';
import type * as Y from 'yjs';
import type { RunPlan } from './runPlans';
import type { LoadStage } from './sandboxProtocol';
import { asRunResult, serverStageText, withLiveOutput } from './serverRunDisplay';
import type { ServerRunChannel } from './serverRuns';
import { appendRun, toSharedRun } from './sharedRuns';
import type { RunResult } from './types';
import { useRunnerClient } from './useRunnerClient';
import { useServerAvailability } from './useServerAvailability';
import { useSharedRuns } from './useSharedRuns';

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
  const client = useRunnerClient(canRun, language);
  const runs = useSharedRuns(doc);
  const [state, setState] = useState<RunState>(IDLE);
  const availability = useServerAvailability(canRun, language, server);

  const runInBrowser = useCallback(
    async (plan: Extract<RunPlan, { target: 'browser' }>) => {
      const runner = client.current;
      if (!runner || !doc || runner.running) return;
      setState((s) => ({ ...s, running: true, stage: null, live: '', notice: null }));
      const result = await runner.run(plan.request, plan.timeLimitMs, {
        onProgress: (stage) => setState((s) => ({ ...s, stage })),
        onOutput: (text) => setState((s) => ({ ...s, live: withLiveOutput(s.live, text) })),
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
    [client, doc, self.id, self.name],
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
            return { ...s, live: withLiveOutput(s.live, progress.text) };
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
