import { BOARD_DOC, CODE_DOC, type DocKind, LIVE_LIMITS, type Random } from '@mockloop/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * Test and benchmark support: frames a hostile peer sends on a document connection, each named,
 * with the document kind it targets. Used by the unit tests, the integration corpus and
 * `npm run bench:attack`, so all three attack with the same bytes.
 */
export interface HostileFrame {
  name: string;
  kind: DocKind;
  /** A whole y-websocket message (message type first). */
  frame: Uint8Array;
}

const SYNC = 0;
const AWARENESS = 1;
const SYNC_UPDATE = 2;

/** A sync "update" message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The update inside a sync "update" message. */
export function updateInMessage(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/** An awareness message with one entry whose state is `json` (sent as is, not re-encoded). */
export function awarenessMessage(clientId: number, clock: number, json: string): Uint8Array {
  const body = encoding.createEncoder();
  encoding.writeVarUint(body, 1);
  encoding.writeVarUint(body, clientId);
  encoding.writeVarUint(body, clock);
  encoding.writeVarString(body, json);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(body));
  return encoding.toUint8Array(encoder);
}

/** The first update a change to a fresh document produces. */
function updateOf(change: (doc: Y.Doc) => void, clientID?: number): Uint8Array {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  let update: Uint8Array | undefined;
  doc.on('update', (u: Uint8Array) => {
    update ??= u;
  });
  doc.transact(() => change(doc));
  doc.destroy();
  if (!update) throw new Error('the change produced no update');
  return update;
}

/** An element shaped like Excalidraw's, for boards of realistic size. */
export function boardElement(i: number, random: Random): Record<string, unknown> {
  const arrow = i % 3 === 0;
  return {
    id: `el-${i}`,
    type: arrow ? 'arrow' : 'rectangle',
    x: Math.round(random() * 4000),
    y: Math.round(random() * 3000),
    width: 140,
    height: 80,
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    index: `a${i.toString(36)}`,
    roundness: { type: 3 },
    seed: Math.floor(random() * 2 ** 31),
    version: 1,
    versionNonce: Math.floor(random() * 2 ** 31),
    isDeleted: false,
    boundElements: arrow ? null : [{ id: `el-${i + 1}`, type: 'arrow' }],
    updated: 1_700_000_000_000 + i,
    link: null,
    locked: false,
    ...(arrow
      ? {
          points: [
            [0, 0],
            [160, 0],
          ],
          startBinding: null,
          endBinding: null,
        }
      : {}),
  };
}

/** A raw v1 update with one client block of `structs` structs declared and nothing behind it. */
function declaredStructs(structs: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, structs);
  encoding.writeVarUint(encoder, 4242);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** `writers` items from distinct clients, all inserted at the start of the code text. */
function sameNeighbours(writers: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, writers);
  for (let i = 0; i < writers; i++) {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 10_000 + i);
    encoding.writeVarUint(encoder, 0);
    encoding.writeUint8(encoder, 4);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, CODE_DOC.text);
    encoding.writeVarString(encoder, 'x');
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** A board element whose value is an array nested `depth` deep, encoded by hand (lib0 recursion would overflow). */
function deeplyNested(depth: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 777);
  encoding.writeVarUint(encoder, 0);
  encoding.writeUint8(encoder, 8 | 0x20); // any content, with a map key
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, BOARD_DOC.elements);
  encoding.writeVarString(encoder, 'el');
  encoding.writeVarUint(encoder, 1);
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(encoder, 117); // array of one
    encoding.writeVarUint(encoder, 1);
  }
  encoding.writeUint8(encoder, 126);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** A text insert plus a delete, with the last byte of its delete set cut off. */
function truncatedDeleteSet(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(CODE_DOC.text).insert(0, 'seed');
  let update: Uint8Array | undefined;
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  doc.transact(() => {
    doc.getText(CODE_DOC.text).insert(4, 'HALF-APPLIED');
    doc.getText(CODE_DOC.text).delete(0, 2);
  });
  if (!update) throw new Error('no update');
  return update.subarray(0, update.length - 1);
}

/**
 * The fixed corpus: one frame per attack shape the server must refuse. Awareness frames speak for
 * `clientId`, the attacker's own id (other ids are echoes, dropped unread).
 */
export function hostileFrames(clientId = 99): HostileFrame[] {
  const subdocs = updateOf((doc) => {
    const elements = doc.getMap(BOARD_DOC.elements);
    for (let i = 0; i < 2000; i++) elements.set(`sub-${i}`, new Y.Doc());
  });
  return [
    {
      name: '3e7 structs declared in 10 bytes',
      kind: 'code',
      frame: updateMessage(declaredStructs(30_000_000)),
    },
    { name: '2,000 subdocuments', kind: 'board', frame: updateMessage(subdocs) },
    {
      name: 'a root the document does not have',
      kind: 'code',
      frame: updateMessage(updateOf((d) => d.getText('payload').insert(0, 'x'.repeat(1000)))),
    },
    {
      name: 'a nested type',
      kind: 'board',
      frame: updateMessage(updateOf((d) => d.getMap(BOARD_DOC.elements).set('x', new Y.Map()))),
    },
    {
      name: 'formatting in the code',
      kind: 'code',
      frame: updateMessage(updateOf((d) => d.getText(CODE_DOC.text).insert(0, 'bold', { b: true }))),
    },
    { name: 'a truncated delete set', kind: 'code', frame: updateMessage(truncatedDeleteSet()) },
    { name: 'content nested 400k deep', kind: 'board', frame: updateMessage(deeplyNested(400_000)) },
    {
      name: 'items all claiming the same neighbours',
      kind: 'code',
      frame: updateMessage(sameNeighbours(LIVE_LIMITS.maxSameOrigin * 4)),
    },
    {
      name: 'a v2 update',
      kind: 'code',
      frame: updateMessage(
        (() => {
          const doc = new Y.Doc();
          doc.getText(CODE_DOC.text).insert(0, 'v2');
          return Y.encodeStateAsUpdateV2(doc);
        })(),
      ),
    },
    {
      name: 'trailing bytes',
      kind: 'code',
      frame: updateMessage(
        new Uint8Array([...updateOf((d) => d.getText(CODE_DOC.text).insert(0, 'x')), 9, 9]),
      ),
    },
    { name: 'an unknown message type', kind: 'code', frame: new Uint8Array([77, 1, 2, 3]) },
    { name: 'a sync message of unknown subtype', kind: 'code', frame: new Uint8Array([0, 9, 0]) },
    {
      name: 'awareness state nested 400k deep',
      kind: 'code',
      frame: awarenessMessage(clientId, 1, `{"a":${'['.repeat(400_000)}${']'.repeat(400_000)}}`),
    },
    {
      name: 'an awareness state of 64 KB',
      kind: 'code',
      frame: awarenessMessage(clientId, 1, JSON.stringify({ cursor: 'x'.repeat(64 * 1024) })),
    },
    {
      name: 'awareness nested 1,000 deep in 2 KB',
      kind: 'code',
      frame: awarenessMessage(clientId, 1, `${'['.repeat(1000)}${']'.repeat(1000)}`),
    },
    { name: 'awareness that is not JSON', kind: 'code', frame: awarenessMessage(clientId, 1, '{"cursor":') },
  ];
}

/** Valid updates of each root kind, for the fuzzer to mutate. */
// Fixed client ids, so a pinned seed makes the same frames on every run.
const SEED_UPDATES: Uint8Array[] = [
  updateOf((d) => d.getText(CODE_DOC.text).insert(0, 'def solve(xs):\n    return sorted(xs)\n'), 1001),
  updateOf((d) => {
    d.getText(CODE_DOC.text).insert(0, 'abcdef');
    d.getText(CODE_DOC.text).delete(1, 3);
  }, 1002),
  updateOf(
    (d) => d.getArray(CODE_DOC.runs).push([{ id: 'r1', output: 'ok', tests: [{ pass: true }] }]),
    1003,
  ),
  updateOf(
    (d) => d.getMap(BOARD_DOC.elements).set('el', { id: 'el', x: 1.5, points: [[0, 0]], n: null }),
    1004,
  ),
];

/**
 * Random frames from a seeded generator: valid updates with bytes flipped, cut or inserted (they
 * get deepest into the scanner), random update bodies, random awareness, and raw noise.
 */
export function randomFrame(random: Random): Uint8Array {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const noise = (n: number) => new Uint8Array(n).map(() => Math.floor(random() * 256));
  const shape = random();
  if (shape < 0.45) {
    const bytes = [...pick(SEED_UPDATES)];
    for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
      const at = Math.floor(random() * bytes.length);
      const op = random();
      if (op < 0.5) bytes[at] = Math.floor(random() * 256);
      else if (op < 0.75) bytes.splice(at, 1 + Math.floor(random() * 4));
      else bytes.splice(at, 0, ...noise(1 + Math.floor(random() * 4)));
    }
    return updateMessage(new Uint8Array(bytes));
  }
  const body = noise(1 + Math.floor(random() * 96));
  if (shape < 0.7) return updateMessage(body);
  if (shape < 0.85) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, AWARENESS);
    encoding.writeVarUint8Array(encoder, body);
    return encoding.toUint8Array(encoder);
  }
  return body;
}
