import type { DocRules, RootType } from '../protocol/docRules.js';
import { ByteReader, MalformedInput } from './ByteReader.js';

/**
 * Bounds on one update, on top of what its document kind may hold. Yjs 13.6 trusts its input:
 * a count is allocated before the bytes behind it are read (10 bytes declaring 3e7 structs froze
 * the server for a quarter of a second each), and items that all claim the same neighbours make
 * its conflict resolution quadratic. These limits sit far above what a client ever sends.
 */
export interface ScanLimits {
  /** Client blocks (distinct writers) in one update. */
  maxClients: number;
  /** Structs (items, GC and skip ranges) in one update. */
  maxStructs: number;
  /** Items that claim the same left and right neighbours (origin, right origin). */
  maxSameOrigin: number;
  /** Nesting of JSON-like content (a board element is 4 deep). */
  maxAnyDepth: number;
  /** Length of a map key or root name in bytes. */
  maxKeyBytes: number;
}

/** For an update a client sends: a keystroke, a paste, a run, or sync step 2 after some time offline. */
export const LIVE_LIMITS: ScanLimits = {
  maxClients: 256,
  maxStructs: 100_000,
  maxSameOrigin: 64,
  maxAnyDepth: 16,
  maxKeyBytes: 256,
};

/** For a stored row, which may be a whole document's compacted state. */
export const STORED_LIMITS: ScanLimits = {
  ...LIVE_LIMITS,
  maxClients: 4096,
  maxStructs: 2_000_000,
  maxSameOrigin: 1024,
};

/** What a scan learned about an update that passed. */
export interface UpdateScan {
  /** Every client id that has structs in the update. */
  clients: number[];
  structs: number;
}

/** Yjs client ids are random uint32s; clocks count a client's insertions. */
const MAX_CLIENT_ID = 0xffff_ffff;
const MAX_CLOCK = 2 ** 32;

/** Content references of Yjs items (`info & 0b11111`). */
const Content = {
  Deleted: 1,
  Json: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
  Doc: 9,
} as const;
const GC = 0;
const SKIP = 10;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;

const CONTENT_NAMES: Record<number, string> = {
  [Content.Json]: 'JSON content',
  [Content.Binary]: 'binary content',
  [Content.Embed]: 'embeds',
  [Content.Format]: 'formatting',
  [Content.Type]: 'nested types',
  [Content.Doc]: 'subdocuments',
};

/** The content each root type is made of (plus deleted ranges). */
const CONTENT_OF: Record<RootType, number> = { text: Content.String, array: Content.Any, map: Content.Any };

/**
 * Reads a Yjs v1 update from end to end without building anything, and throws `MalformedInput`
 * unless it is well formed and fits `rules`: root types of the kind's names only, content of the
 * kinds those types hold, no subdocuments or nested types, counts backed by bytes, no trailing
 * bytes (a truncated delete set included). Runs in time linear in the update's length.
 */
export function scanUpdate(
  update: Uint8Array,
  rules: DocRules,
  limits: ScanLimits = LIVE_LIMITS,
): UpdateScan {
  return new UpdateScanner(new ByteReader(update), rules, limits).scan();
}

/** One scan's state: what content the document allows and how often each neighbour pair recurs. */
class UpdateScanner {
  private readonly allowed = new Set<number>([Content.Deleted]);
  private readonly neighbours = new Map<string, number>();

  constructor(
    private readonly r: ByteReader,
    private readonly rules: DocRules,
    private readonly limits: ScanLimits,
  ) {
    for (const type of Object.values(rules.roots)) this.allowed.add(CONTENT_OF[type]);
  }

  scan(): UpdateScan {
    const { r, limits } = this;
    const clients: number[] = [];
    let structs = 0;
    // Each client block is at least 3 bytes (count, client, clock), each struct at least 2.
    const blocks = r.count(3, 'client blocks');
    if (blocks > limits.maxClients) throw new MalformedInput(`${blocks} writers in one update`);
    for (let b = 0; b < blocks; b++) {
      const count = r.count(2, 'structs');
      structs += count;
      if (structs > limits.maxStructs) throw new MalformedInput(`more than ${limits.maxStructs} structs`);
      clients.push(clientId(r));
      this.clientStructs(count);
    }
    this.deleteSet();
    if (r.left > 0) throw new MalformedInput('trailing bytes after the update');
    return { clients, structs };
  }

  /** One writer's run of structs, from its first clock. */
  private clientStructs(count: number): void {
    const r = this.r;
    let clock = r.varUint();
    for (let s = 0; s < count; s++) {
      const info = r.u8();
      const ref = info & 0x1f;
      if (ref === GC || ref === SKIP) {
        if (info !== ref) throw new MalformedInput('flags on a GC or skip range');
        clock += length(r);
      } else {
        clock += this.item(info, ref);
      }
      if (clock > MAX_CLOCK) throw new MalformedInput('clock out of range');
    }
  }

  /** An item: its neighbours (or its root), then its content; returns the clock length it spans. */
  private item(info: number, ref: number): number {
    const r = this.r;
    const origin = info & HAS_ORIGIN ? id(r) : '-';
    const rightOrigin = info & HAS_RIGHT_ORIGIN ? id(r) : '-';
    let key = `${origin}|${rightOrigin}`;
    if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) key += this.parent(info);
    const seen = (this.neighbours.get(key) ?? 0) + 1;
    if (seen > this.limits.maxSameOrigin)
      throw new MalformedInput('too many items between the same neighbours');
    this.neighbours.set(key, seen);
    if (!this.allowed.has(ref)) {
      throw new MalformedInput(`${CONTENT_NAMES[ref] ?? `content type ${ref}`} not allowed in this document`);
    }
    if (ref === Content.Deleted) return length(r);
    if (ref === Content.String) {
      const text = r.varString();
      if (text.length === 0) throw new MalformedInput('empty string item');
      return text.length; // Yjs counts UTF-16 code units
    }
    // Content.Any: a count of lib0 "any" values.
    const n = r.count(1, 'values');
    if (n === 0) throw new MalformedInput('empty item');
    for (let i = 0; i < n; i++) this.anyValue(1);
    return n;
  }

  /**
   * No neighbour to take the parent from: the item names it. Our documents have no nested types,
   * so the parent is always a root, by name. Returns the key part that tells such items apart.
   */
  private parent(info: number): string {
    const { r, rules, limits } = this;
    if (r.varUint() !== 1) throw new MalformedInput('nested types are not allowed here');
    const root = r.varString();
    if (root.length > limits.maxKeyBytes) throw new MalformedInput('root name too long');
    const type = Object.hasOwn(rules.roots, root) ? rules.roots[root] : undefined;
    if (!type) throw new MalformedInput(`no root "${root.slice(0, 40)}" in this document`);
    if (!(info & HAS_PARENT_SUB)) return `|${root}`;
    if (type !== 'map') throw new MalformedInput(`"${root}" is not a map`);
    const sub = r.varBytes();
    if (sub.length > limits.maxKeyBytes) throw new MalformedInput('map key too long');
    // One character per byte: the page's own scan (P-REPLAY-3) runs where there is no Buffer.
    return `|${root}|${String.fromCharCode(...sub)}`;
  }

  private anyValue(depth: number): void {
    const { r, limits } = this;
    if (depth > limits.maxAnyDepth) throw new MalformedInput('content nested too deep');
    const tag = r.u8();
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125: // integer
        r.varInt();
        return;
      case 124: // float32
        r.skip(4);
        return;
      case 123: // float64
        r.skip(8);
        return;
      case 119: // string
        r.varBytes();
        return;
      case 118: {
        // object: count, then key and value pairs (at least 2 bytes each)
        const n = r.count(2, 'object entries');
        for (let i = 0; i < n; i++) {
          if (r.varBytes().length > limits.maxKeyBytes) throw new MalformedInput('object key too long');
          this.anyValue(depth + 1);
        }
        return;
      }
      case 117: {
        const n = r.count(1, 'array items');
        for (let i = 0; i < n; i++) this.anyValue(depth + 1);
        return;
      }
      default:
        // 122 bigint and 116 bytes are not JSON (peers would fail to render them); the rest is junk.
        throw new MalformedInput(`value type ${tag} not allowed`);
    }
  }

  /** The delete set: per client, ranges of (clock, length). */
  private deleteSet(): void {
    const r = this.r;
    const dsClients = r.count(2, 'delete set clients');
    for (let c = 0; c < dsClients; c++) {
      clientId(r);
      const ranges = r.count(2, 'deleted ranges');
      for (let i = 0; i < ranges; i++) {
        const clock = r.varUint();
        if (clock + r.varUint() > MAX_CLOCK) throw new MalformedInput('deleted range out of range');
      }
    }
  }
}

function clientId(reader: ByteReader): number {
  const client = reader.varUint();
  if (client > MAX_CLIENT_ID) throw new MalformedInput('client id out of range');
  return client;
}

function id(reader: ByteReader): string {
  const client = clientId(reader);
  const clock = reader.varUint();
  if (clock > MAX_CLOCK) throw new MalformedInput('clock out of range');
  return `${client}:${clock}`;
}

function length(reader: ByteReader): number {
  const len = reader.varUint();
  if (len === 0 || len > MAX_CLOCK) throw new MalformedInput('length out of range');
  return len;
}
