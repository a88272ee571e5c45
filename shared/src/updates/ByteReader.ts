/** Thrown when bytes from the network are not what they claim to be. */
export class MalformedInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedInput';
  }
}

const utf8 = new TextDecoder();

/**
 * A strict reader for lib0's binary encoding (the y-websocket and Yjs v1 wire format): every read
 * checks the bytes left and throws `MalformedInput` rather than reading past the end, which lib0's
 * own decoder does in places (a truncated byte reads as `undefined`, i.e. 0).
 */
export class ByteReader {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  get left(): number {
    return this.bytes.length - this.pos;
  }

  u8(): number {
    if (this.pos >= this.bytes.length) throw new MalformedInput('truncated');
    return this.bytes[this.pos++] as number;
  }

  /** An unsigned LEB128 integer of at most 53 bits (lib0 `writeVarUint`). */
  varUint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.u8();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) break;
        return value;
      }
      scale *= 128;
    }
    throw new MalformedInput('integer out of range');
  }

  /** lib0 `writeVarInt`: a sign bit and 6 bits in the first byte, then 7 bits a byte. */
  varInt(): number {
    let byte = this.u8();
    let value = byte & 0x3f;
    const negative = (byte & 0x40) !== 0;
    let scale = 64;
    for (let i = 0; (byte & 0x80) !== 0; i++) {
      if (i >= 7) throw new MalformedInput('integer out of range');
      byte = this.u8();
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    if (value > Number.MAX_SAFE_INTEGER) throw new MalformedInput('integer out of range');
    return negative ? -value : value;
  }

  skip(count: number): void {
    if (count > this.left) throw new MalformedInput('truncated');
    this.pos += count;
  }

  /** A length-prefixed byte array, as a view (no copy). */
  varBytes(): Uint8Array {
    const length = this.varUint();
    if (length > this.left) throw new MalformedInput('length past the end');
    const start = this.pos;
    this.pos += length;
    return this.bytes.subarray(start, this.pos);
  }

  varString(): string {
    return utf8.decode(this.varBytes());
  }

  /** Reads a count and checks that at least `minBytesEach` bytes are left for each. */
  count(minBytesEach: number, what: string): number {
    const n = this.varUint();
    if (n * minBytesEach > this.left) throw new MalformedInput(`${what}: ${n} declared, bytes for fewer`);
    return n;
  }
}
