import { judgeRun } from './judgeTests';
import { OutputBuffer } from './OutputBuffer';
import { type Box, SandboxContext } from './SandboxContext';
import type { BoxToPage, LoadStage, RunJob } from './sandboxProtocol';
import {
  DEFAULT_TIME_LIMIT_MS,
  LOAD_TIME_LIMIT_MS,
  type RunLanguage,
  type RunRequest,
  type RunResult,
} from './types';

export interface RunCallbacks {
  onProgress?(stage: LoadStage): void;
  onOutput?(text: string): void;
}

/**
 * Runs code in a sandbox box (see SandboxContext), never on the page's thread and never on the
 * server: a fresh box per run, so nothing one run leaves behind reaches the next, with one spare
 * kept warm so a run does not wait for a cold start. The page keeps the time limit, caps the
 * output and judges the tests itself.
 */
export class RunnerClient {
  private spare: Box | null = null;
  private current: Box | null = null;
  private wanted: RunLanguage | null = null;
  private disposed = false;

  /** `open` starts a box prepared for a language (a sandboxed iframe; tests pass a fake). */
  constructor(
    private readonly open: (language: RunLanguage) => Box = (language) => new SandboxContext(language),
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Keeps a spare box for this language (for Python, with the interpreter already loaded). */
  keepWarm(language: RunLanguage): void {
    this.wanted = language;
    // Replace a dead spare, and one with Python loaded for nothing or missing it.
    if (this.spare && (this.spare.failed !== null || this.spare.python !== (language === 'python'))) {
      this.spare.dispose();
      this.spare = null;
    }
    // Not while a run is going: loading Python beside it would slow the code being timed.
    if (!this.spare && !this.current && !this.disposed) this.spare = this.open(language);
  }

  run(
    request: RunRequest,
    timeLimitMs = DEFAULT_TIME_LIMIT_MS,
    callbacks: RunCallbacks = {},
  ): Promise<RunResult> {
    if (this.current) return Promise.reject(new Error('A run is already in progress.'));
    let box = this.take(request.language);
    this.current = box;
    const started = performance.now();
    const output = new OutputBuffer();
    const job: RunJob = { language: request.language, code: request.code };
    if (request.entry) job.entry = request.entry;
    if (request.tests) job.calls = request.tests.map((test) => test.args);

    return new Promise<RunResult>((resolve) => {
      // Until the job is handed over, only loading can hang (a cold Python start downloads it).
      let timer = setTimeout(
        () => finish({ status: 'crashed', error: 'The runner could not start in time.' }),
        LOAD_TIME_LIMIT_MS,
      );
      let handedOver = false;
      let handedOverAt: number | null = null;
      let retried = false;
      const handOver = () => {
        if (handedOver) return;
        handedOver = true;
        handedOverAt = performance.now();
        clearTimeout(timer);
        box.start(job);
        timer = setTimeout(
          () =>
            finish({ status: 'timeout', error: `Stopped after ${timeLimitMs / 1000} s: the time limit.` }),
          timeLimitMs,
        );
      };
      const finish = (result: Pick<RunResult, 'status' | 'error' | 'tests'>) => {
        clearTimeout(timer);
        box.dispose();
        this.current = null;
        const now = performance.now();
        // Loading and running apart: a cold Python start is not the code's time.
        const ranFrom = handedOverAt ?? now;
        resolve({
          ...result,
          output: output.text(),
          truncated: output.truncated,
          durationMs: now - ranFrom,
          readyMs: ranFrom - started,
        });
        if (this.wanted) this.keepWarm(this.wanted);
      };
      const listen = (message: BoxToPage) => {
        if (message.type === 'crashed') {
          // A box that died while loading ran none of the code: one fresh box may try again
          // (a spare that was loading when the server restarted, say).
          if (handedOver || retried) return finish({ status: 'crashed', error: message.error });
          retried = true;
          box.dispose();
          box = this.open(request.language);
          this.current = box;
          box.listen(listen);
        } else if (!handedOver) {
          if (message.type === 'ready') handOver();
          else if (message.type === 'progress') callbacks.onProgress?.(message);
        } else if (message.type === 'output') {
          const kept = output.write(message.text);
          if (kept) callbacks.onOutput?.(kept);
        } else if (message.type === 'done') {
          finish(judgeRun(request, message));
        }
      };
      box.listen(listen);
      if (box.ready) handOver();
      else if (box.stage) callbacks.onProgress?.(box.stage);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.spare?.dispose();
    this.current?.dispose();
    this.spare = null;
  }

  /** The spare when it can run this language, otherwise a new box; a new spare follows the run. */
  private take(language: RunLanguage): Box {
    const spare = this.spare;
    this.spare = null;
    if (spare && fits(spare, language)) return spare;
    spare?.dispose();
    return this.open(language);
  }
}

/** A box can take a job if it has not died and has Python loaded when the job needs it. */
function fits(box: Box, language: RunLanguage): boolean {
  return box.failed === null && (box.python || language !== 'python');
}
