import {
  BOARD_DOC,
  CODE_DOC,
  DOC_RULES,
  LIVE_LIMITS,
  MalformedInput,
  NOTES_DOC,
  STORED_LIMITS,
  scanUpdate,
  seededRandom,
} from '@mockloop/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardElement } from '../../test/support/hostileUpdates.js';

/** Collects every update a document emits, as a client would send them. */
function recorded(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

const refused = (update: Uint8Array, kind: keyof typeof DOC_RULES = 'code') => {
  try {
    scanUpdate(update, DOC_RULES[kind]);
  } catch (err) {
    expect(err).toBeInstanceOf(MalformedInput);
    return (err as Error).message;
  }
  throw new Error('the update was accepted');
};

describe('scanUpdate (P-DOC-7)', () => {
  it('accepts every update of a code document typed by three people, and its whole state', () => {
    const random = seededRandom(7);
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const updates = docs.flatMap(recorded);
    for (let step = 0; step < 2000; step++) {
      const doc = docs[Math.floor(random() * docs.length)] as Y.Doc;
      const text = doc.getText(random() < 0.8 ? CODE_DOC.text : CODE_DOC.sharedNotes);
      if (random() < 0.7 || text.length === 0) {
        text.insert(Math.floor(random() * (text.length + 1)), random() < 0.1 ? 'é😀\n' : 'ab');
      } else {
        text.delete(Math.floor(random() * text.length), 1);
      }
      if (step % 100 === 0) {
        const runs = doc.getArray(CODE_DOC.runs);
        doc.transact(() => {
          runs.push([{ id: `r${step}`, output: 'x'.repeat(500), tests: [{ name: 't', pass: true }] }]);
          if (runs.length > 20) runs.delete(0, runs.length - 20);
        });
      }
      if (step % 50 === 0) {
        // Exchange, so items reference each other's.
        const [a, b] = [docs[step % 3] as Y.Doc, docs[(step + 1) % 3] as Y.Doc];
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
      }
    }
    for (const update of updates) scanUpdate(update, DOC_RULES.code);
    const state = Y.encodeStateAsUpdate(docs[0] as Y.Doc);
    expect(scanUpdate(state, DOC_RULES.code).clients.length).toBeGreaterThan(0);
  });

  it('accepts a 2,000-element board after 1,000 edits, update by update and whole', () => {
    const random = seededRandom(11);
    const doc = new Y.Doc();
    const updates = recorded(doc);
    const elements = doc.getMap(BOARD_DOC.elements);
    doc.transact(() => {
      for (let i = 0; i < 2000; i++) elements.set(`el-${i}`, boardElement(i, random));
    });
    for (let i = 0; i < 1000; i++) {
      const id = `el-${Math.floor(random() * 2000)}`;
      elements.set(id, { ...boardElement(i, random), id, version: i + 2 });
    }
    for (const update of updates) scanUpdate(update, DOC_RULES.board);
    const state = Y.encodeStateAsUpdate(doc);
    const scan = scanUpdate(state, DOC_RULES.board);
    expect(scan.structs).toBeLessThan(LIVE_LIMITS.maxStructs);
    expect(state.length).toBeLessThan(DOC_RULES.board.maxBytes);
  });

  it('accepts private notes and an empty update', () => {
    const doc = new Y.Doc();
    const updates = recorded(doc);
    doc.getText(NOTES_DOC.text).insert(0, 'Clarified the constraints.');
    for (const update of updates) scanUpdate(update, DOC_RULES.notes);
    scanUpdate(Y.encodeStateAsUpdate(new Y.Doc()), DOC_RULES.notes);
  });

  it('refuses a count that the bytes behind it cannot hold (3e7 structs in 10 bytes)', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // one client block
    encoding.writeVarUint(encoder, 30_000_000); // structs
    encoding.writeVarUint(encoder, 1234); // client
    encoding.writeVarUint(encoder, 0); // clock
    expect(refused(encoding.toUint8Array(encoder))).toMatch(/structs: 30000000 declared/);
  });

  it('refuses subdocuments, nested types, formatting, embeds, binary and non-JSON values', () => {
    const cases: Array<[string, (doc: Y.Doc) => void, keyof typeof DOC_RULES, RegExp]> = [
      ['subdocument', (d) => d.getMap(BOARD_DOC.elements).set('x', new Y.Doc()), 'board', /subdocuments/],
      ['nested map', (d) => d.getMap(BOARD_DOC.elements).set('x', new Y.Map()), 'board', /nested types/],
      ['format', (d) => d.getText(CODE_DOC.text).insert(0, 'a', { bold: true }), 'code', /formatting/],
      ['embed', (d) => d.getText(CODE_DOC.text).insertEmbed(0, { img: 1 }), 'code', /embeds/],
      ['binary', (d) => d.getArray(CODE_DOC.runs).push([new Uint8Array([1, 2])]), 'code', /binary/],
      ['bigint', (d) => d.getMap(BOARD_DOC.elements).set('x', { n: BigInt(1) }), 'board', /value type 122/],
      ['other root', (d) => d.getText('payload').insert(0, 'x'), 'code', /no root "payload"/],
      ['text in a map root', (d) => d.getText(BOARD_DOC.elements).insert(0, 'x'), 'board', /not allowed/],
      ['map key on a text', (d) => d.getMap(CODE_DOC.text).set('k', 1), 'code', /not a map/],
    ];
    for (const [name, change, kind, reason] of cases) {
      const doc = new Y.Doc();
      const updates = recorded(doc);
      change(doc);
      expect(refused(updates[0] as Uint8Array, kind), name).toMatch(reason);
    }
  });

  it('refuses content nested deeper than the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < LIVE_LIMITS.maxAnyDepth + 1; i++) deep = [deep];
    const doc = new Y.Doc();
    const updates = recorded(doc);
    doc.getMap(BOARD_DOC.elements).set('x', deep);
    expect(refused(updates[0] as Uint8Array, 'board')).toMatch(/nested too deep/);
  });

  it('refuses a truncated delete set, trailing bytes, and the v2 encoding', () => {
    const doc = new Y.Doc();
    const updates = recorded(doc);
    doc.getText(CODE_DOC.text).insert(0, 'hello');
    doc.getText(CODE_DOC.text).delete(1, 2);
    const withDeletes = updates[1] as Uint8Array;
    scanUpdate(withDeletes, DOC_RULES.code);
    expect(refused(withDeletes.subarray(0, withDeletes.length - 1))).toMatch(/truncated|bytes for fewer/);
    expect(refused(new Uint8Array([...withDeletes, 0]))).toMatch(/trailing/);
    expect(() => scanUpdate(Y.encodeStateAsUpdateV2(doc), DOC_RULES.code)).toThrow(MalformedInput);
  });

  it('refuses many items claiming the same neighbours (quadratic integration)', () => {
    const encoder = encoding.createEncoder();
    const n = LIVE_LIMITS.maxSameOrigin + 1;
    encoding.writeVarUint(encoder, n); // n writers, one item each, all at the start of "code"
    for (let i = 0; i < n; i++) {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 1000 + i);
      encoding.writeVarUint(encoder, 0);
      encoding.writeUint8(encoder, 4); // a string item, parent named
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, CODE_DOC.text);
      encoding.writeVarString(encoder, 'x');
    }
    encoding.writeVarUint(encoder, 0);
    expect(refused(encoding.toUint8Array(encoder))).toMatch(/same neighbours/);
  });

  it('never throws anything but MalformedInput on random bytes', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 2000; i++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 64)).map(() => Math.floor(random() * 256));
      try {
        scanUpdate(bytes, DOC_RULES.board);
      } catch (err) {
        expect(err).toBeInstanceOf(MalformedInput);
      }
    }
    // A 1 MiB paste is one item: it passes.
    const doc = new Y.Doc();
    const updates = recorded(doc);
    doc.getText(CODE_DOC.text).insert(0, 'x'.repeat(1024 * 1024 - 64));
    expect(scanUpdate(updates[0] as Uint8Array, DOC_RULES.code, STORED_LIMITS).structs).toBe(1);
  });
});
