import { BOARD_DOC, CODE_DOC, type Random, seededRandom } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocTimeline, KEYFRAME_ROWS, type ReplayRow } from './DocTimeline';
import { addsRun, passesScan } from './loadReplay';

/**
 * A random history of two people editing one document: typing, deleting, moving board elements,
 * sometimes both at once (updates made concurrently, delivered in either order).
 */
function randomLog(random: Random, length: number): ReplayRow[] {
  const peers = [new Y.Doc(), new Y.Doc()];
  const rows: ReplayRow[] = [];
  let at = 1_000;
  let seq = 0;
  peers.forEach((peer, i) => {
    peer.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      rows.push({ seq: ++seq, at, author: `p${i}`, update });
    });
  });
  const deliver = (from: number, since: Uint8Array) => {
    const other = peers[1 - from] as Y.Doc;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(peers[from] as Y.Doc, since), 'remote');
  };
  while (rows.length < length) {
    at += Math.floor(random() * 3000);
    const who = random() < 0.5 ? 0 : 1;
    const peer = peers[who] as Y.Doc;
    const before = Y.encodeStateVector(peers[1 - who] as Y.Doc);
    const text = peer.getText(CODE_DOC.text);
    const roll = random();
    if (roll < 0.6)
      text.insert(Math.floor(random() * (text.length + 1)), 'xyz\n'.charAt(Math.floor(random() * 4)));
    else if (roll < 0.8 && text.length > 0) text.delete(Math.floor(random() * text.length), 1);
    else {
      const id = `e${Math.floor(random() * 8)}`;
      peer.getMap(BOARD_DOC.elements).set(id, { id, x: Math.floor(random() * 500), version: rows.length });
    }
    // Most edits reach the other person at once; some cross with theirs.
    if (random() < 0.8) deliver(who, before);
  }
  return rows;
}

const contentOf = (doc: Y.Doc) => ({
  text: doc.getText(CODE_DOC.text).toString(),
  board: doc.getMap(BOARD_DOC.elements).toJSON(),
});

/** The content after each prefix of the rows (index n: after n rows), built the obvious way. */
function fromZero(rows: readonly ReplayRow[]): Array<ReturnType<typeof contentOf>> {
  const doc = new Y.Doc();
  const after = [contentOf(doc)];
  for (const row of rows) {
    Y.applyUpdate(doc, row.update);
    after.push(contentOf(doc));
  }
  return after;
}

describe('DocTimeline', () => {
  it('seeking forward and back shows what replaying from zero shows, over seeded random logs', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = seededRandom(seed);
      const rows = randomLog(random, KEYFRAME_ROWS * 2 + 137);
      const timeline = new DocTimeline();
      // Appended in uneven ranges, as pages arrive.
      for (let i = 0; i < rows.length; ) {
        const size = 1 + Math.floor(random() * 250);
        timeline.append(rows.slice(i, i + size));
        i += size;
      }
      expect(timeline.length).toBe(rows.length);
      const expected = fromZero(rows);
      for (let jump = 0; jump < 40; jump++) {
        const n = Math.floor(random() * (rows.length + 1));
        expect(contentOf(timeline.docAfter(n)), `seed ${seed}, after ${n} rows`).toEqual(expected[n]);
      }
      // Playing through: one row at a time from a random point.
      const from = Math.floor(random() * rows.length);
      for (let n = from; n < Math.min(rows.length, from + 30); n++) {
        expect(contentOf(timeline.docAfter(n))).toEqual(expected[n]);
      }
      timeline.destroy();
    }
  }, 30_000);

  it('applies a row it is asked to isolate (one adding a run) alone, so observers of the built document see that row', () => {
    const author = new Y.Doc();
    const rows: ReplayRow[] = [];
    author.on('update', (update: Uint8Array) => {
      rows.push({ seq: rows.length + 1, at: 1000 + rows.length, author: null, update });
    });
    for (let i = 0; i < 40; i++) {
      if (i % 9 === 4) author.getArray(CODE_DOC.runs).push([{ id: `run-${i}` }]);
      else author.getText(CODE_DOC.text).insert(0, 'x');
    }
    const timeline = new DocTimeline();
    const seen: Array<[string, number | undefined]> = [];
    timeline.built.getArray<{ id: string }>(CODE_DOC.runs).observe((event) => {
      for (const item of event.changes.added) {
        for (const run of item.content.getContent() as Array<{ id: string }>)
          seen.push([run.id, timeline.applying?.at]);
      }
    });
    timeline.append(rows, addsRun);
    expect(seen).toEqual([
      ['run-4', 1004],
      ['run-13', 1013],
      ['run-22', 1022],
      ['run-31', 1031],
    ]);
    expect(timeline.docAfter(rows.length).getText(CODE_DOC.text).length).toBe(36);
  });

  it('finds the rows of a moment by time, even when a clock stepped back', () => {
    const doc = new Y.Doc();
    const rows: ReplayRow[] = [];
    const times = [100, 200, 200, 150, 400]; // the fourth came from a node whose clock is behind
    doc.on('update', (update: Uint8Array) => {
      rows.push({ seq: rows.length + 1, at: times[rows.length] as number, author: null, update });
    });
    for (const char of 'abcde') doc.getText(CODE_DOC.text).insert(doc.getText(CODE_DOC.text).length, char);
    const timeline = new DocTimeline();
    timeline.append(rows);
    expect([99, 100, 199, 200, 399, 400].map((t) => timeline.countAt(t))).toEqual([0, 1, 1, 4, 4, 5]);
    expect(timeline.timeOf(3)).toBe(200);
    expect(timeline.docAfter(timeline.countAt(250)).getText(CODE_DOC.text).toString()).toBe('abcd');
  });
});

describe('rows the page refuses (P-REPLAY-3)', () => {
  const rowOf = (change: (doc: Y.Doc) => void): Uint8Array => {
    const doc = new Y.Doc();
    let row: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => {
      row = u;
    });
    change(doc);
    return row;
  };

  it('scans each row as the server loader does: another root, a nested type or a lying count is refused', () => {
    expect(
      passesScan(
        rowOf((d) => d.getText(CODE_DOC.text).insert(0, 'fine')),
        'code',
      ),
    ).toBe(true);
    expect(
      passesScan(
        rowOf((d) => d.getText('payload').insert(0, 'x')),
        'code',
      ),
    ).toBe(false);
    expect(
      passesScan(
        rowOf((d) => d.getMap(BOARD_DOC.elements).set('x', new Y.Map())),
        'board',
      ),
    ).toBe(false);
    // 3e7 structs declared in a few bytes: Yjs would allocate before reading them.
    expect(passesScan(new Uint8Array([1, 0x80, 0x87, 0xa7, 0x0e, 1, 0]), 'code')).toBe(false);
  });

  it('a row Yjs throws on is left out and the rest still plays', () => {
    const good = rowOf((d) => d.getText(CODE_DOC.text).insert(0, 'still plays'));
    const timeline = new DocTimeline();
    timeline.append([
      { seq: 1, at: 1, author: null, update: new Uint8Array([0, 1, 200]) },
      { seq: 2, at: 2, author: null, update: good },
    ]);
    expect(timeline.docAfter(2).getText(CODE_DOC.text).toString()).toBe('still plays');
  });
});
