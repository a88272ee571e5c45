/** What a byte stream's pieces are read into, one piece after another. */
const SCRATCH_BYTES = 1 << 20;

/**
 * Reads a response's body into a buffer of the length it is known to decode to, telling
 * `onBytes` what arrives; fails when the body is shorter or longer. The buffer is made here and
 * never handed to the browser, so the caller can free it at once with `transfer(0)` (a body's
 * `arrayBuffer()`, or a buffer a stream filled, stays until a garbage collection, which a worker
 * sitting idle may not run for minutes). Where the body is a byte stream (fetch's, in browsers
 * that have them), its pieces arrive in one reused scratch buffer, so none are left over either.
 */
export async function readExactly(
  response: Response,
  length: number,
  onBytes: (bytes: number) => void = () => {},
): Promise<ArrayBuffer> {
  if (!response.body) throw new Error('The response has no body.');
  const own = new Uint8Array(length);
  let at = 0;
  const take = (piece: Uint8Array) => {
    if (at + piece.byteLength > length) throw new Error(`More than the ${length} bytes expected arrived.`);
    own.set(piece, at);
    at += piece.byteLength;
    onBytes(piece.byteLength);
  };
  const byob = byobReader(response.body);
  if (byob) {
    let scratch = new Uint8Array(SCRATCH_BYTES);
    for (;;) {
      const { done, value } = await byob.read(scratch);
      if (done || !value) break;
      take(value);
      scratch = new Uint8Array(value.buffer as ArrayBuffer);
    }
  } else {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      take(value);
    }
  }
  if (at < length) throw new Error(`Only ${at} of ${length} bytes arrived.`);
  return own.buffer;
}

function byobReader(body: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | null {
  try {
    return body.getReader({ mode: 'byob' });
  } catch {
    return null; // not a byte stream here: take the pieces as they come
  }
}
