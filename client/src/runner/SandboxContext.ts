import {
  type BoxToPage,
  type LoadStage,
  type PageToBox,
  PORT_MESSAGE,
  type RunJob,
  readBoxMessage,
} from './sandboxProtocol';
import type { RunLanguage } from './types';

/** Served by our server with the sandbox's own CSP (built from client/sandbox.html). */
export const SANDBOX_URL = '/sandbox.html';
/**
 * A loaded sandbox page answers the port at once; one that has not within this time is an error
 * page (the server was unreachable when the frame loaded) and never will.
 */
const OPEN_TIME_LIMIT_MS = 10_000;

/** What a run needs of a box (SandboxContext in the browser; a fake in tests). */
export interface Box {
  /** Started with Python loaded. */
  readonly python: boolean;
  /** Loaded and waiting for its job. */
  readonly ready: boolean;
  /** The last thing it said while loading, for the run that waits on it. */
  readonly stage: LoadStage | null;
  /** Why it died before it was ready, if it did. */
  readonly failed: string | null;
  listen(listener: ((message: BoxToPage) => void) | null): void;
  start(job: RunJob): void;
  /** Ends it: removes the iframe, which ends its worker whatever it is doing. */
  dispose(): void;
}

/**
 * One box for one run: a sandboxed iframe without allow-same-origin (an opaque origin: none of
 * the app's storage, cookies or DOM) that starts a worker, and the MessageChannel the page made
 * and handed it. Started ahead of time so it can be warm (Python loaded) when a run needs it;
 * thrown away after its run or at its time limit (removing the iframe ends its worker, which is
 * the only way to stop an infinite loop).
 */
export class SandboxContext implements Box {
  readonly python: boolean;
  ready = false;
  stage: LoadStage | null = null;
  failed: string | null = null;
  private readonly frame: HTMLIFrameElement;
  private readonly port: MessagePort;
  private listener: ((message: BoxToPage) => void) | null = null;
  private disposed = false;
  private heard = false;
  private openTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(language: RunLanguage, url = SANDBOX_URL) {
    this.python = language === 'python';
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event) => this.receive(event.data);

    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Code runner';
    frame.hidden = true;
    frame.src = url;
    frame.addEventListener(
      'load',
      () => {
        // '*' because an opaque origin cannot be named; the frame is ours and was just loaded.
        frame.contentWindow?.postMessage({ type: PORT_MESSAGE }, '*', [channel.port2]);
        this.openTimer = setTimeout(() => {
          if (!this.heard) this.fail('The runner did not load (is the server reachable?).');
        }, OPEN_TIME_LIMIT_MS);
      },
      { once: true },
    );
    this.frame = frame;
    document.body.append(frame);
    // Queued on the port until the box has its end and its worker is listening.
    this.send({ type: 'prepare', language });
  }

  listen(listener: ((message: BoxToPage) => void) | null): void {
    this.listener = listener;
  }

  start(job: RunJob): void {
    this.send({ type: 'run', job });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.openTimer);
    this.listener = null;
    this.port.onmessage = null;
    this.port.close();
    this.frame.remove();
  }

  private send(message: PageToBox): void {
    if (!this.disposed) this.port.postMessage(message);
  }

  private fail(error: string): void {
    this.failed = error;
    this.listener?.({ type: 'crashed', error });
  }

  private receive(data: unknown): void {
    const message = readBoxMessage(data);
    if (!message || this.disposed) return;
    this.heard = true;
    if (!this.ready) {
      if (message.type === 'ready') this.ready = true;
      else if (message.type === 'progress') this.stage = message;
      else if (message.type === 'crashed') this.failed = message.error;
    }
    this.listener?.(message);
  }
}
