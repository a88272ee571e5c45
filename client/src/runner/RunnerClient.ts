import {
  DEFAULT_TIME_LIMIT_MS,
  LOAD_TIME_LIMIT_MS,
  type RunRequest,
  type RunResult,
  type WorkerMessage,
} from './types';

export interface RunCallbacks {
  onProgress?(stage: string): void;
  onOutput?(text: string): void;
}

/**
 * Runs code in a Web Worker, never on the page's thread and never on the server. A run that
 * passes its time limit, or kills its worker, ends the worker; the next run gets a fresh one.
 */
export class RunnerClient {
  private worker: Worker | null = null;
  private busy = false;

  constructor(private readonly createWorker: () => Worker) {}

  get running(): boolean {
    return this.busy;
  }

  run(
    request: RunRequest,
    timeLimitMs = DEFAULT_TIME_LIMIT_MS,
    callbacks: RunCallbacks = {},
  ): Promise<RunResult> {
    if (this.busy) return Promise.reject(new Error('A run is already in progress.'));
    this.busy = true;
    this.worker ??= this.createWorker();
    const worker = this.worker;
    const started = performance.now();
    let output = '';

    return new Promise<RunResult>((resolve) => {
      // Until the code starts, only loading can hang (Python's first run downloads the interpreter).
      let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(
        () => finish({ status: 'crashed', error: 'The runner could not start in time.' }, true),
        LOAD_TIME_LIMIT_MS,
      );
      const startClock = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            finish(
              { status: 'timeout', error: `Stopped after ${timeLimitMs / 1000} s: the time limit.` },
              true,
            ),
          timeLimitMs,
        );
      };
      const finish = (
        result: Omit<RunResult, 'durationMs' | 'output' | 'truncated'> & Partial<RunResult>,
        kill = false,
      ) => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        if (kill) this.discard(worker);
        this.busy = false;
        resolve({ output, truncated: false, ...result, durationMs: performance.now() - started });
      };
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.type === 'progress') {
          callbacks.onProgress?.(message.stage);
        } else if (message.type === 'started') {
          startClock();
        } else if (message.type === 'output') {
          output += message.text;
          callbacks.onOutput?.(message.text);
        } else {
          finish(message.result, message.result.status === 'crashed');
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        finish(
          { status: 'crashed', error: event.message || 'The runner stopped unexpectedly (out of memory?).' },
          true,
        );
      };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    if (this.worker) this.discard(this.worker);
  }

  private discard(worker: Worker): void {
    worker.terminate();
    if (this.worker === worker) this.worker = null;
  }
}
