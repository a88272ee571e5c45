import { CODE_DOC, REPORT_API, REPORT_CODE_CHARS, type RoomReport } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const t = withTestServer();

async function report(roomId: string, secret: string): Promise<RoomReport> {
  const res = await fetch(`${t.server.url}${REPORT_API.report(roomId)}`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as RoomReport;
}

describe('what a round produced, in the report (P-REPORT-2)', () => {
  it('P-REPORT-2: the shared notes of a round reach the report, for both people, bounded like the code', async () => {
    const created = await createRoom(t.server.url, { roundType: 'recruiter-screen', name: 'Ivy' });
    const ivy = await joinOk(t.control(), { roomId: created.roomId, secret: created.secret });
    const cal = await joinOk(t.control(), { roomId: created.roomId, name: 'Cal' });
    const notes = t.doc(ivy.documents.code).doc.getText(CODE_DOC.sharedNotes);
    notes.insert(0, 'Why Netflix: the culture memo.');
    await eventually(async () => {
      const seen = await report(created.roomId, cal.secret);
      expect(seen.rounds[0]?.sharedNotes).toEqual({
        text: 'Why Netflix: the culture memo.',
        truncated: false,
      });
      expect(seen.rounds[0]?.code.text).toBe('');
    });

    notes.insert(notes.length, 'n'.repeat(REPORT_CODE_CHARS));
    await eventually(async () => {
      const seen = (await report(created.roomId, created.secret)).rounds[0]?.sharedNotes;
      expect(seen?.truncated).toBe(true);
      expect(seen?.text).toHaveLength(REPORT_CODE_CHARS);
    });
  });
});
