import { FRAGMENT_MESSAGE } from '@mockloop/shared';
import { ByteReader, MalformedInput } from './ByteReader.js';

/** Thrown when the server cannot hold another message being assembled right now. */
export class AssemblyBusy extends Error {
  constructor() {
    super('the server is busy with other large messages: try again shortly');
    this.name = 'AssemblyBusy';
  }
}

/**
 * Bytes the whole process may hold in messages still being put together (`docAssemblyBytes`, 64
 * MiB by default): a few boards' first syncs at once, and no more, whatever the number of
 * connections sending fragments and never finishing them.
 */
export class AssemblyPool {
  private held = 0;

  constructor(readonly capacity: number) {}

  get bytesHeld(): number {
    return this.held;
  }

  reserve(bytes: number): boolean {
    if (this.held + bytes > this.capacity) return false;
    this.held += bytes;
    return true;
  }

  release(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
  }
}

/**
 * One connection's message in fragments (P-DOC-12): the pieces in order, their total declared by
 * the first and the same in every one, at most `maxBytes` (the document kind's size), held
 * against the process's pool until the message is whole or the connection ends. Anything else
 * (a total that changes, a piece past the total, an empty piece) is `MalformedInput`.
 */
export class MessageAssembly {
  private buffer: Uint8Array | null = null;
  private filled = 0;

  constructor(
    private readonly pool: AssemblyPool,
    private readonly maxBytes: number,
  ) {}

  /** Whether a message is part way in: any frame but its next fragment is then an error. */
  get pending(): boolean {
    return this.buffer !== null;
  }

  /** Takes one fragment frame; returns the whole message once its last piece is in. */
  add(frame: Uint8Array): Uint8Array | null {
    const reader = new ByteReader(frame);
    if (reader.varUint() !== FRAGMENT_MESSAGE) throw new MalformedInput('not a fragment');
    const total = reader.varUint();
    const piece = reader.varBytes();
    if (reader.left > 0) throw new MalformedInput('trailing bytes after the fragment');
    if (piece.length === 0) throw new MalformedInput('empty fragment');
    if (!this.buffer) {
      if (total > this.maxBytes) {
        throw new MalformedInput(`a ${total}-byte message is larger than this document may be`);
      }
      if (!this.pool.reserve(total)) throw new AssemblyBusy();
      this.buffer = new Uint8Array(total);
    } else if (total !== this.buffer.length) {
      throw new MalformedInput('fragments of one message disagree on its length');
    }
    if (this.filled + piece.length > this.buffer.length) throw new MalformedInput('fragment past the end');
    this.buffer.set(piece, this.filled);
    this.filled += piece.length;
    if (this.filled < this.buffer.length) return null;
    const whole = this.buffer;
    this.clear();
    return whole;
  }

  /** Lets go of a message part way in (the connection closed). Idempotent. */
  clear(): void {
    if (this.buffer) this.pool.release(this.buffer.length);
    this.buffer = null;
    this.filled = 0;
  }
}
