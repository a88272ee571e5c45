import { ByteReader, FRAGMENT_MESSAGE, MalformedInput } from '@mockloop/shared';

/** Thrown when the server cannot hold another message being assembled right now. */
export class AssemblyBusy extends Error {
  constructor(message = 'the server is busy with other large messages: try again shortly') {
    super(message);
    this.name = 'AssemblyBusy';
  }
}

/** Bytes all connections may hold in messages part way in, by default (DOC_ASSEMBLY_BYTES). */
export const DEFAULT_ASSEMBLY_BYTES = 64 * 1024 * 1024;

/** How long one message in fragments may take to arrive whole (P-DOC-12). */
export const DEFAULT_ASSEMBLY_DEADLINE_MS = 30_000;

/**
 * Bytes the whole process may hold in messages still being put together (`docAssemblyBytes`, 64
 * MiB by default), counted as they arrive (a declared total holds nothing), and who is sending
 * one: a participant has at most one message part way in, whatever their connections.
 */
export class AssemblyPool {
  private held = 0;
  private readonly holders = new Set<string>();

  constructor(readonly capacity: number) {}

  get bytesHeld(): number {
    return this.held;
  }

  /** Starts a message for `holder`; false when they already have one arriving. */
  begin(holder: string): boolean {
    if (this.holders.has(holder)) return false;
    this.holders.add(holder);
    return true;
  }

  end(holder: string): void {
    this.holders.delete(holder);
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

export interface MessageAssemblyOptions {
  /** Who sends it (a participant id): one message part way in per holder (P-DOC-12). */
  holder?: string;
  /** How long a message may take to arrive whole (default 30 s). */
  deadlineMs?: number;
  /** Called when a message part way in ran out of time (it has been let go). */
  onExpired?: () => void;
}

let anonymous = 0;

/**
 * One connection's message in fragments (P-DOC-12): the pieces in order, their total declared by
 * the first and the same in every one, at most `maxBytes` (the document kind's size), held
 * against the process's pool as they arrive until the message is whole, the deadline passes or
 * the connection ends. Anything else (a total that changes, a piece past the total, an empty
 * piece) is `MalformedInput`.
 */
export class MessageAssembly {
  private pieces: Uint8Array[] | null = null;
  private total = 0;
  private filled = 0;
  private deadline: NodeJS.Timeout | undefined;
  private readonly holder: string;

  constructor(
    private readonly pool: AssemblyPool,
    private readonly maxBytes: number,
    private readonly options: MessageAssemblyOptions = {},
  ) {
    this.holder = options.holder ?? `connection-${++anonymous}`;
  }

  /** Whether a message is part way in: any frame but its next fragment is then an error. */
  get pending(): boolean {
    return this.pieces !== null;
  }

  /** Takes one fragment frame; returns the whole message once its last piece is in. */
  add(frame: Uint8Array): Uint8Array | null {
    const reader = new ByteReader(frame);
    if (reader.varUint() !== FRAGMENT_MESSAGE) throw new MalformedInput('not a fragment');
    const total = reader.varUint();
    const piece = reader.varBytes();
    if (reader.left > 0) throw new MalformedInput('trailing bytes after the fragment');
    if (piece.length === 0) throw new MalformedInput('empty fragment');
    if (!this.pieces) this.start(total);
    else if (total !== this.total)
      throw new MalformedInput('fragments of one message disagree on its length');
    if (this.filled + piece.length > this.total) throw new MalformedInput('fragment past the end');
    if (!this.pool.reserve(piece.length)) throw new AssemblyBusy();
    (this.pieces as Uint8Array[]).push(piece);
    this.filled += piece.length;
    if (this.filled < this.total) return null;
    const whole = join(this.pieces as Uint8Array[], this.total);
    this.clear();
    return whole;
  }

  /** Lets go of a message part way in (the connection closed). Idempotent. */
  clear(): void {
    if (!this.pieces) return;
    this.pool.release(this.filled);
    this.pool.end(this.holder);
    clearTimeout(this.deadline);
    this.pieces = null;
    this.total = 0;
    this.filled = 0;
  }

  private start(total: number): void {
    if (total > this.maxBytes) {
      throw new MalformedInput(`a ${total}-byte message is larger than this document may be`);
    }
    if (!this.pool.begin(this.holder)) {
      throw new AssemblyBusy('another large message of yours is still arriving: try again when it is in');
    }
    this.pieces = [];
    this.total = total;
    this.deadline = setTimeout(() => {
      this.clear();
      this.options.onExpired?.();
    }, this.options.deadlineMs ?? DEFAULT_ASSEMBLY_DEADLINE_MS);
    this.deadline.unref();
  }
}

function join(pieces: Uint8Array[], total: number): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const whole = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}
