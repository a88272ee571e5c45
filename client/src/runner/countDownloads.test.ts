import { describe, expect, it } from 'vitest';
import { countDownloads, type DownloadProgress } from './countDownloads';

/** Just enough of a worker's global scope: a `fetch` that answers with fixed bodies. */
function fakeScope(bodies: Record<string, Uint8Array<ArrayBuffer>>) {
  const fetch = async (input: RequestInfo | URL) => {
    const name = String(input).split('/').pop() ?? '';
    return new Response(bodies[name] ?? null, {
      status: 200,
      headers: { 'content-type': 'application/wasm' },
    });
  };
  return { fetch } as unknown as WorkerGlobalScope;
}

describe('countDownloads', () => {
  it('counts the bytes of the named files as they are read, and hands them on unchanged', async () => {
    const scope = fakeScope({
      'a.wasm': new Uint8Array(3000).fill(1),
      'b.zip': new Uint8Array(1000).fill(2),
    });
    const original = scope.fetch;
    const reports: DownloadProgress[] = [];
    const count = countDownloads(scope, { 'a.wasm': 3000, 'b.zip': 1000 }, (p) => reports.push(p));

    const a = await scope.fetch('http://x/pyodide/a.wasm');
    expect(a.headers.get('content-type')).toBe('application/wasm');
    expect((await a.arrayBuffer()).byteLength).toBe(3000);
    expect(reports.at(-1)).toEqual({ loaded: 3000, total: 4000 });
    const b = new Uint8Array(await (await scope.fetch('http://x/pyodide/b.zip')).arrayBuffer());
    expect(b.every((byte) => byte === 2)).toBe(true);
    expect(reports.at(-1)).toEqual({ loaded: 4000, total: 4000 });

    count.stop();
    expect(scope.fetch).toBe(original);
  });

  it('leaves a file the caller reads itself as it is, and counts what the caller says it read', async () => {
    const scope = fakeScope({ 'a.snapshot': new Uint8Array(2000).fill(3) });
    const reports: DownloadProgress[] = [];
    const count = countDownloads(scope, { 'a.snapshot': 2000, 'b.zip': 1000 }, (p) => reports.push(p), [
      'a.snapshot',
    ]);
    const response = await scope.fetch('http://x/pyodide/a.snapshot');
    // The body as fetch gave it (a byte stream, which a transform would not be).
    expect(response.body?.getReader({ mode: 'byob' })).toBeDefined();
    expect(reports).toEqual([]);
    count.add('a.snapshot', 2000);
    expect(reports.at(-1)).toEqual({ loaded: 2000, total: 3000 });
  });

  it('leaves other files alone', async () => {
    const scope = fakeScope({ 'other.js': new Uint8Array(10) });
    const reports: DownloadProgress[] = [];
    countDownloads(scope, { 'a.wasm': 3000 }, (p) => reports.push(p));
    await (await scope.fetch('http://x/other.js')).arrayBuffer();
    expect(reports).toEqual([]);
  });
});
