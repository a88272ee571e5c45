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
 * Warm boxes kept ready: two, so Run code and then Run tests straight after both start in a
 * loaded box (each box runs once; a new one takes a second or so to load Python).
 */
export const SPARES = 2;
/**
 * After a run, while a loaded spare is left, the next one starts loading this much later: another
 * run often follows at once (Run code, then Run tests), and a box loading beside it would slow
 * the code being timed. With none left it starts at once.
 */
export const REFILL_DELAY_MS = 2000;

/**
 * Runs code in a sandbox box (see SandboxContext), never on the page's thread and never on the
 * server: a fresh box per run, so nothing one run leaves behind reaches the next, with spares
 * kept warm so a run, or two in a row, does not wait for a box to start. The page keeps the
 * time limit, caps the output and judges the tests itself.
 */
export class RunnerClient {
  /** Oldest first: loaded, or loading (one at a time). */
  private spares: Box[] = [];
  private current: Box | null = null;
  private wanted: RunLanguage | null = null;
  private disposed = false;
  private refill: ReturnType<typeof setTimeout> | undefined;

  /**
   * `open` starts a box prepared for a language (a sandboxed iframe; tests pass a fake);
   * `spareCount` is how many are kept warm.
   */
  constructor(
    private readonly open: (language: RunLanguage) => Box = (language) => new SandboxContext(language),
    private readonly spareCount = SPARES,
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Keeps spare boxes for this language (for Python, with the interpreter already loaded). */
  keepWarm(language: RunLanguage): void {
    this.wanted = language;
    // Replace dead spares, and those with Python loaded for nothing or missing it.
    const python = language === 'python';
    for (const box of this.spares) if (box.failed !== null || box.python !== python) box.dispose();
    this.spares = this.spares.filter((box) => box.failed === null && box.python === python);
    this.topUp();
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
        this.refillAfterRun();
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
    clearTimeout(this.refill);
    for (const box of this.spares) box.dispose();
    this.current?.dispose();
    this.spares = [];
  }

  /** Tops the spares up after a run: at once with none loaded left, else after REFILL_DELAY_MS. */
  private refillAfterRun(): void {
    const wanted = this.wanted;
    if (!wanted) return;
    clearTimeout(this.refill);
    const refill = () => this.wanted && this.keepWarm(this.wanted);
    if (this.spares.some((box) => box.ready && fits(box, wanted))) {
      this.refill = setTimeout(refill, REFILL_DELAY_MS);
    } else {
      refill();
    }
  }

  /**
   * Starts one more spare if there are fewer than wanted and the others have loaded: one box
   * loads at a time (two Pythons loading at once would each take twice as long), and none while
   * a run is going (loading beside it would slow the code being timed).
   */
  private topUp(): void {
    if (this.disposed || this.current || !this.wanted) return;
    if (this.spares.length >= this.spareCount || this.spares.some((box) => !box.ready)) return;
    const box = this.open(this.wanted);
    this.spares.push(box);
    box.listen((message) => {
      if (message.type === 'ready') this.topUp();
      // A spare that died is dropped; the next run, or the one after it, replaces it.
      else if (message.type === 'crashed') this.drop(box);
    });
  }

  private drop(box: Box): void {
    box.dispose();
    this.spares = this.spares.filter((spare) => spare !== box);
  }

  /** A loaded spare that can run this language, else a loading one, else a new box. */
  private take(language: RunLanguage): Box {
    const usable = this.spares.filter((box) => fits(box, language));
    const box = usable.find((b) => b.ready) ?? usable[0];
    if (!box) return this.open(language);
    this.spares = this.spares.filter((spare) => spare !== box);
    return box;
  }
}

/** A box can take a job if it has not died and has Python loaded when the job needs it. */
function fits(box: Box, language: RunLanguage): boolean {
  return box.failed === null && (box.python || language !== 'python');
}
