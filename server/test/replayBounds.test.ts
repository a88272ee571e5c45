import {
  CODE_DOC,
  docName,
  REPLAY_API,
  REPLAY_PAGE_BYTES,
  REPORT_API,
  REPORT_CODE_CHARS,
  type ReplayRows,
  type RoomReport,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { hostileFrames, updateInMessage } from './support/hostileUpdates.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();

async function get(path: string, secret: string | null) {
  const res = await fetch(`${t.server.url}${path}`, {
    headers: secret === null ? {} : { authorization: `Bearer ${secret}` },
  });
  const text = await res.text();
  return { status: res.status, text, bytes: Buffer.byteLength(text) };
}

async function room() {
  const created = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const ivy = await joinOk(t.control(), { roomId: created.roomId, secret: created.secret });
  return { roomId: created.roomId, secret: created.secret, ivy };
}

/** Rows written straight into the server's store, as a corrupted disk or an older bug left them. */
async function appendBehindTheServer(doc: string, rows: Uint8Array[]): Promise<void> {
  await t.server.app.store.appendUpdates(
    new Map([[doc, rows.map((data) => ({ data, at: Date.now(), author: null }))]]),
  );
}

/** Text updates of about `bytes` each: a big paste, then its deletion, and again. */
function bigRows(count: number, bytes: number): Uint8Array[] {
  const doc = new Y.Doc();
  const rows: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => rows.push(u));
  const text = doc.getText(CODE_DOC.text);
  while (rows.length < count) {
    text.insert(0, 'y'.repeat(bytes));
    text.delete(0, text.length);
  }
  return rows.slice(0, count);
}

describe('replies bounded by bytes', () => {
  it('P-REPLAY-2: a page of rows holds at most REPLAY_PAGE_BYTES of them (one larger row alone), and the pages hold every row once', async () => {
    const { roomId, secret } = await room();
    const rows = bigRows(9, 900 * 1024);
    await appendBehindTheServer(docName(roomId, 'code', 1), rows);
    let after = 0;
    const served: number[] = [];
    for (;;) {
      const page = await get(REPLAY_API.rows(roomId, 1, 'code', after), secret);
      expect(page.status).toBe(200);
      const body = JSON.parse(page.text) as ReplayRows;
      const rowBytes = body.rows.reduce((sum, row) => sum + Buffer.from(row[3], 'base64').length, 0);
      expect(body.rows.length === 1 || rowBytes <= REPLAY_PAGE_BYTES).toBe(true);
      // The reply itself: base64 of at most a page, a few MiB.
      expect(page.bytes).toBeLessThan(4 * 1024 * 1024);
      served.push(...body.rows.map((row) => row[0]));
      if (body.next === null) break;
      after = body.next;
    }
    expect(served).toHaveLength(rows.length);
    expect(new Set(served).size).toBe(rows.length);
  });

  it('P-REPORT-1: the report carries the start of a long code; the whole of it is a request of its own', async () => {
    const { roomId, secret, ivy } = await room();
    const long = `${'# a long file\n'.repeat(10_000)}end`;
    const client = t.doc(ivy.documents.code);
    client.doc.getText(CODE_DOC.text).insert(0, long);
    await eventually(async () => {
      const code = await get(REPORT_API.code(roomId, 1), secret);
      expect(code.text).toBe(long);
    });
    const report = await get(REPORT_API.report(roomId), secret);
    const body = JSON.parse(report.text) as RoomReport;
    const code = body.rounds[0]?.code;
    expect(code?.truncated).toBe(true);
    expect(code?.text).toBe(long.slice(0, REPORT_CODE_CHARS));
    expect(report.bytes).toBeLessThan(long.length);
    // Only for people of the room (or their report keys), like the report.
    expect((await get(REPORT_API.code(roomId, 1), null)).status).toBe(401);
    expect((await get(REPORT_API.code(roomId, 7), secret)).status).toBe(404);
  });
});

describe('one scanner for everything read back (P-REPLAY-3)', () => {
  it('P-REPLAY-3: stored rows the loader would refuse are never served by the replay', async () => {
    const { roomId, secret, ivy } = await room();
    const client = t.doc(ivy.documents.code);
    client.doc.getText(CODE_DOC.text).insert(0, 'good row');
    await t.server.app.docs.flush();
    await eventually(async () =>
      expect(await t.server.app.store.countUpdates(ivy.documents.code.name)).toBe(1),
    );
    const frames = hostileFrames();
    const bad = [
      '3e7 structs declared in 10 bytes',
      'a root the document does not have',
      'a truncated delete set',
      '2,000 subdocuments',
    ].map((name) => updateInMessage(frames.find((f) => f.name === name)?.frame as Uint8Array));
    await appendBehindTheServer(ivy.documents.code.name, bad);
    const page = JSON.parse((await get(REPLAY_API.rows(roomId, 1, 'code', 0), secret)).text) as ReplayRows;
    expect(page.rows).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(page.rows[0]?.[3] ?? '', 'base64'));
    expect(doc.getText(CODE_DOC.text).toString()).toBe('good row');
  });
});
