/// <reference lib="webworker" />

/** Bytes in so far of the files being counted, and their total. */
export interface DownloadProgress {
  loaded: number;
  total: number;
}

/** Progress is told at most this often: a message per network chunk would flood the page. */
const REPORT_EVERY_MS = 100;

/** What `countDownloads` gives back. */
export interface DownloadCount {
  /** Puts `fetch` back. */
  stop(): void;
  /** Counts bytes of a file in `expected` that the caller fetched and reads itself. */
  add(name: string, bytes: number): void;
}

/**
 * Counts the bytes of named files as `fetch` reads them in this worker (Pyodide has no progress
 * callback of its own, and fetches its WebAssembly and standard library itself): each response of
 * a file in `expected` (file name to decoded size) is handed on as a stream that counts what
 * passes through it, except those in `readByCaller`, which the caller counts with `add`.
 */
export function countDownloads(
  scope: WorkerGlobalScope,
  expected: Readonly<Record<string, number>>,
  report: (progress: DownloadProgress) => void,
  readByCaller: readonly string[] = [],
): DownloadCount {
  const original = scope.fetch;
  const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
  const loaded = new Map<string, number>();
  let reportedAt = 0;
  const tell = (force = false) => {
    const now = performance.now();
    if (!force && now - reportedAt < REPORT_EVERY_MS) return;
    reportedAt = now;
    let sum = 0;
    for (const n of loaded.values()) sum += n;
    report({ loaded: Math.min(sum, total), total });
  };

  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original.call(scope, input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const name = fileName(url);
    if (!(name in expected) || readByCaller.includes(name) || !response.body) return response;
    loaded.set(name, 0);
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          loaded.set(name, (loaded.get(name) ?? 0) + chunk.byteLength);
          tell();
          controller.enqueue(chunk);
        },
        flush: () => tell(true),
      }),
    );
    // Same status and headers (WebAssembly's streaming compile needs `application/wasm`).
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return {
    stop: () => {
      scope.fetch = original;
    },
    add: (name, bytes) => {
      loaded.set(name, (loaded.get(name) ?? 0) + bytes);
      tell(loaded.get(name) === expected[name]);
    },
  };
}

/** The last path segment of a URL (absolute, as Pyodide asks for its files), or '' for any other. */
function fileName(url: string): string {
  try {
    return new URL(url).pathname.split('/').pop() ?? '';
  } catch {
    return '';
  }
}
