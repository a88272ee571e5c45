import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newRound } from '../../src/rounds/newRound.js';
import {
  FeedbackExistsError,
  type FileRecord,
  type NewParticipant,
  type OwnQuestionRecord,
  type RecordingRecord,
  type ReviewRecord,
  type RoomRecord,
  type SimulationRecord,
  type Store,
} from '../../src/store/Store.js';
import type { SqlExecutor } from '../../src/store/sql/SqlDb.js';

/**
 * The Store contract suite (rules in CONTRACT.md): the same tests, by rule id, against every
 * store. `open` gives a fresh, empty store; `close` cleans up after it.
 */
/** Both stores run SQL: the checkpoint count is read straight from the table. */
interface SqlStoreLike {
  db: SqlExecutor;
}

export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let n = 0;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const roomId = () =>
      `room-${(++n).toString().padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`;
    const roomRecord = (id: string): RoomRecord => ({
      id,
      roundType: 'coding',
      language: 'python',
      creatorRole: 'interviewer',
      createdAt: 1000,
      lastActiveAt: 1000,
      swapProposal: null,
      revision: 0,
      loop: null,
    });
    const person = (id: string, room: string): NewParticipant => ({
      id,
      roomId: room,
      secretHash: `hash-${id}`,
      name: id,
      color: '#6366f1',
      joinedAt: 1000,
    });
    /** A room whose creator holds the interviewer seat. */
    async function room(seat: 'interviewer' | 'candidate' = 'interviewer') {
      const id = roomId();
      const creator = { ...person(`${id}-ivy`, id), seat };
      await store.createRoom(
        roomRecord(id),
        [creator],
        newRound(id, 1, 'coding', { interviewerId: null, candidateId: null }, 1000),
      );
      return { id, creator };
    }
    const revision = async (id: string) => (await store.getRoom(id))?.revision ?? -1;
    const recording = (room: string, id: string, round = 1): RecordingRecord => ({
      id: `${room}-${id}`,
      roomId: room,
      round,
      participantId: `${room}-ivy`,
      mimeType: 'audio/webm',
      startedAt: 1000,
      lastAt: 1000,
      pieces: 0,
      bytes: 0,
    });
    const piece = (room: string, id: string, seq: number, data = new Uint8Array([seq, 1, 2])) => ({
      roomId: room,
      recordingId: `${room}-${id}`,
      seq,
      data,
      at: 2000 + seq,
    });

    it('S-ROOM-1: a room, its players and its first round are written together, or not at all', async () => {
      const { id } = await room();
      expect((await store.getRoom(id))?.roundType).toBe('coding');
      expect((await store.listParticipants(id)).map((p) => p.role)).toEqual(['interviewer']);
      expect((await store.getCurrentRound(id))?.interviewerId).toBe(`${id}-ivy`);
      // The same room id again fails (primary key) and leaves no second participant or round.
      const again = { ...person(`${id}-other`, id), seat: 'candidate' as const };
      await expect(
        store.createRoom(
          roomRecord(id),
          [again],
          newRound(id, 1, 'coding', { interviewerId: null, candidateId: null }, 1),
        ),
      ).rejects.toThrow();
      expect(await store.listParticipants(id)).toHaveLength(1);
      expect(await store.listRounds(id)).toHaveLength(1);
    });

    it('S-ROOM-2: deleting a room removes all of it and nothing of another', async () => {
      const a = await room();
      const b = await room();
      for (const id of [a.id, b.id]) {
        await store.appendUpdates(
          new Map([[`${id}.code-1`, [{ data: new Uint8Array([0, 0]), at: 1, author: null }]]]),
        );
        await store.writeCheckpoint(`${id}.code-1`, { uptoSeq: 1, state: new Uint8Array([0, 0]), at: 1 });
        await store.appendEvent({ roomId: id, round: 1, at: 1, type: 'x', data: {} });
        await store.saveFile(file(id, 'f'), 1e9);
        await store.startRecording(recording(id, 'rec'), 5);
        await store.appendRecordingPiece(piece(id, 'rec', 0), { maxPersonRoundBytes: 1e9 });
      }
      await store.deleteRoom(a.id);
      expect(await store.getRoom(a.id)).toBeNull();
      expect(await store.listParticipants(a.id)).toEqual([]);
      expect(await store.listRounds(a.id)).toEqual([]);
      expect(await store.listEvents(a.id)).toEqual([]);
      expect(await store.countUpdates(`${a.id}.code-1`)).toBe(0);
      expect((await store.loadDocument(`${a.id}.code-1`)).checkpoint).toBeNull();
      expect(await store.getFile(a.id, `${a.id}-f`)).toBeNull();
      expect(await store.getRecording(a.id, `${a.id}-rec`)).toBeNull();
      expect(await store.loadRecordingPiece(`${a.id}-rec`, 0)).toBeNull();
      expect(await store.listRecordings(a.id, 1)).toEqual([]);
      expect(await store.getRoom(b.id)).not.toBeNull();
      expect(await store.countUpdates(`${b.id}.code-1`)).toBe(1);
      expect(await store.getFile(b.id, `${b.id}-f`)).not.toBeNull();
      expect(await store.loadRecordingPiece(`${b.id}-rec`, 0)).toEqual(new Uint8Array([0, 1, 2]));
    });

    it('S-SEAT-1: roles come from the current round; a new round with exchanged seats exchanges them', async () => {
      const { id } = await room();
      expect(await store.seatNewcomer(person(`${id}-cal`, id), 12)).toBe('candidate');
      const r1 = await store.getCurrentRound(id);
      if (!r1) throw new Error('no round');
      const next = newRound(
        id,
        2,
        'coding',
        { interviewerId: r1.candidateId, candidateId: r1.interviewerId },
        2000,
      );
      expect(
        await store.startNextRound(id, { number: 1, patch: { endedAt: 2000 } }, next, await revision(id)),
      ).toBe('written');
      const roles = Object.fromEntries((await store.listParticipants(id)).map((p) => [p.id, p.role]));
      expect(roles).toEqual({ [`${id}-ivy`]: 'candidate', [`${id}-cal`]: 'interviewer' });
      expect((await store.getParticipant(`${id}-cal`))?.role).toBe('interviewer');
      expect((await store.findParticipantBySecret(id, `hash-${id}-ivy`))?.role).toBe('candidate');
    });

    it('S-SEAT-2: newcomers racing for seats: one interviewer, one candidate, the rest observers, never past the cap', async () => {
      const id = roomId();
      await store.createRoom(
        roomRecord(id),
        [],
        newRound(id, 1, 'coding', { interviewerId: null, candidateId: null }, 1),
      );
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.seatNewcomer(person(`${id}-p${i}`, id), 6)),
      );
      expect(results.filter((r) => r === 'interviewer')).toHaveLength(1);
      expect(results.filter((r) => r === 'candidate')).toHaveLength(1);
      expect(results.filter((r) => r === 'observer')).toHaveLength(4);
      expect(results.filter((r) => r === 'full')).toHaveLength(2);
      const round = await store.getCurrentRound(id);
      expect(round?.interviewerId).not.toBe(round?.candidateId);
      expect(await store.listParticipants(id)).toHaveLength(6);
    });

    it('S-REV-1: every change bumps the revision; activity does not', async () => {
      const { id } = await room();
      let last = await revision(id);
      const bumped = async (change: () => Promise<unknown>) => {
        await change();
        const now = await revision(id);
        expect(now).toBeGreaterThan(last);
        last = now;
      };
      await bumped(() => store.seatNewcomer(person(`${id}-cal`, id), 12));
      await bumped(() => store.updateRoom(id, { language: 'go' }, last));
      await bumped(() => store.updateRound(id, 1, { questionId: 'q' }, last));
      await bumped(() => store.renameParticipant(`${id}-cal`, 'Cal'));
      await bumped(() => store.updateRound(id, 1, { endedAt: 5 }, last));
      await bumped(() =>
        store.saveFeedback({
          roomId: id,
          round: 1,
          kind: 'scorecard',
          authorId: `${id}-ivy`,
          submittedAt: 6,
          data: {},
        }),
      );
      await store.touchRoom(id, 99_999);
      expect(await revision(id)).toBe(last);
    });

    it('S-REV-2: of two writers that read the same revision, exactly one lands; the other changes nothing', async () => {
      const { id } = await room();
      const seen = await revision(id);
      const [a, b] = await Promise.all([
        store.updateRound(id, 1, { hintTimes: [1] }, seen),
        store.updateRound(id, 1, { hintTimes: [2] }, seen),
      ]);
      expect([a, b].sort()).toEqual(['conflict', 'written']);
      expect((await store.getCurrentRound(id))?.hintTimes).toEqual(a === 'written' ? [1] : [2]);
      expect(await store.updateRoom(id, { language: 'go' }, seen)).toBe('conflict');
      expect((await store.getRoom(id))?.language).toBe('python');
    });

    it('S-ROUND-1: the next round opens with the previous ended and the swap proposal cleared, guarded', async () => {
      const { id } = await room();
      await store.seatNewcomer(person(`${id}-cal`, id), 12);
      expect(
        await store.updateRoom(id, { swapProposal: { by: `${id}-cal`, at: 5 } }, await revision(id)),
      ).toBe('written');
      const stale = (await revision(id)) - 1;
      const next = newRound(id, 2, 'coding', { interviewerId: `${id}-cal`, candidateId: `${id}-ivy` }, 10);
      expect(await store.startNextRound(id, { number: 1, patch: { endedAt: 10 } }, next, stale)).toBe(
        'conflict',
      );
      expect(await store.listRounds(id)).toHaveLength(1);
      expect(await store.startNextRound(id, { number: 1, patch: { endedAt: 10 } }, next, stale + 1)).toBe(
        'written',
      );
      const rounds = await store.listRounds(id);
      expect(rounds.map((r) => [r.number, r.endedAt])).toEqual([
        [1, 10],
        [2, null],
      ]);
      expect((await store.getRoom(id))?.swapProposal).toBeNull();
      expect((await store.getCurrentRound(id))?.number).toBe(2);
    });

    it('S-LOOP-1: a room keeps its loop plan, and each round the stage it plays', async () => {
      const id = roomId();
      const loop = {
        trackId: 'netflix-mle',
        stages: [
          {
            roundType: 'recruiter-screen' as const,
            label: 'Recruiter screen',
            minutes: 30,
            questionId: 'q-a',
          },
          { roundType: 'coding' as const, label: 'Coding', minutes: 45, questionId: null },
        ],
      };
      await store.createRoom(
        { ...roomRecord(id), loop },
        [{ ...person(`${id}-ivy`, id), seat: 'interviewer' }],
        newRound(id, 1, 'recruiter-screen', { interviewerId: null, candidateId: null }, 1000, {
          planStage: 0,
          minutes: 30,
        }),
      );
      await store.seatNewcomer(person(`${id}-cal`, id), 12);
      const next = newRound(id, 2, 'coding', { interviewerId: `${id}-ivy`, candidateId: `${id}-cal` }, 2000, {
        planStage: 1,
      });
      expect(
        await store.startNextRound(id, { number: 1, patch: { endedAt: 1500 } }, next, await revision(id)),
      ).toBe('written');
      const extra = newRound(
        id,
        3,
        'technical',
        { interviewerId: `${id}-cal`, candidateId: `${id}-ivy` },
        3000,
      );
      expect(
        await store.startNextRound(id, { number: 2, patch: { endedAt: 2500 } }, extra, await revision(id)),
      ).toBe('written');
      expect((await store.getRoom(id))?.loop).toEqual(loop);
      expect((await store.listRounds(id)).map((r) => [r.roundType, r.planStage, r.timer.durationMs])).toEqual(
        [
          ['recruiter-screen', 0, 30 * 60_000],
          ['coding', 1, 45 * 60_000],
          ['technical', null, 30 * 60_000],
        ],
      );
      const plain = await room();
      expect((await store.getRoom(plain.id))?.loop).toBeNull();
      expect((await store.getCurrentRound(plain.id))?.planStage).toBeNull();
    });

    it('S-FEED-1: feedback is stored once per round and kind', async () => {
      const { id } = await room();
      const feedback = {
        roomId: id,
        round: 1,
        kind: 'scorecard' as const,
        authorId: 'x',
        submittedAt: 1,
        data: { v: 1 },
      };
      await store.saveFeedback(feedback);
      await expect(store.saveFeedback({ ...feedback, data: { v: 2 } })).rejects.toBeInstanceOf(
        FeedbackExistsError,
      );
      await store.saveFeedback({ ...feedback, kind: 'self-assessment' });
      const stored = await store.listFeedback(id);
      expect(stored.map((f) => [f.kind, f.data.v])).toEqual([
        ['scorecard', 1],
        ['self-assessment', 1],
      ]);
    });

    it('S-ACT-1: activity never moves back; idle rooms are listed oldest first', async () => {
      const a = await room();
      const b = await room();
      await store.touchRoom(a.id, 5000);
      await store.touchRoom(a.id, 3000);
      expect((await store.getRoom(a.id))?.lastActiveAt).toBe(5000);
      await store.touchRoom(b.id, 4000);
      const idle = await store.listIdleRooms(6000, 100);
      expect(idle.indexOf(b.id)).toBeLessThan(idle.indexOf(a.id));
      expect(await store.listIdleRooms(4500, 100)).not.toContain(a.id);
    });

    it('S-DOC-1: a batch is appended in order with time and author; sequence numbers grow', async () => {
      const text = (s: string, author: string | null) =>
        typed(s).map((data, i) => ({ data, at: 100 + i, author }));
      const last = await store.appendUpdates(
        new Map([
          ['d-a', text('batch', 'p1')],
          ['d-b', text('ok', null)],
        ]),
      );
      const rows = await store.loadUpdates('d-a');
      expect(rows.map((r) => [r.at, r.author])).toEqual([0, 1, 2, 3, 4].map((i) => [100 + i, 'p1']));
      expect(rows.every((r, i) => i === 0 || r.seq > (rows[i - 1]?.seq ?? 0))).toBe(true);
      expect(last.get('d-a')).toBe(rows.at(-1)?.seq);
      expect(restore(rows.map((r) => r.data))).toBe('batch');
      expect(restore((await store.loadUpdates('d-b')).map((r) => r.data))).toBe('ok');
      const more = await store.appendUpdates(new Map([['d-a', text('!', 'p2')]]));
      expect(more.get('d-a')).toBeGreaterThan(last.get('d-a') ?? 0);
      await expect(
        store.appendUpdates(
          new Map([
            ['d-c', [{ data: new Uint8Array([0, 0]), at: 1, author: null }]],
            ['d-d', [{ data: null as unknown as Uint8Array, at: 1, author: null }]],
          ]),
        ),
      ).rejects.toThrow();
      expect(await store.countUpdates('d-c')).toBe(0); // the whole batch or nothing
    });

    it('S-DOC-2, S-DOC-3: a load is the latest checkpoint and the rows after it; no row is ever deleted', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getText('t').insert(0, 'abc');
      const first = await store.appendUpdates(
        new Map([['d', updates.splice(0).map((data) => ({ data, at: 1, author: null }))]]),
      );
      const uptoSeq = first.get('d') ?? 0;
      const state = Y.encodeStateAsUpdate(doc);
      // Another writer appends while the checkpoint is being made.
      doc.getText('t').insert(3, 'd');
      await store.appendUpdates(
        new Map([['d', updates.splice(0).map((data) => ({ data, at: 2, author: 'late' }))]]),
      );
      await store.writeCheckpoint('d', { uptoSeq, state, at: 3 });
      await store.writeCheckpoint('d', { uptoSeq: 0, state: new Uint8Array([0, 0]), at: 0 }); // an older one
      // Only the latest checkpoint is kept: a long history holds one copy of the document.
      await store.writeCheckpoint('d', { uptoSeq: uptoSeq - 1, state: new Uint8Array([0, 0]), at: 1 });
      const loaded = await store.loadDocument('d');
      expect(loaded.checkpoint?.uptoSeq).toBe(uptoSeq);
      expect(loaded.rows.map((r) => r.author)).toEqual(['late']);
      expect(restore([loaded.checkpoint?.state as Uint8Array, ...loaded.rows.map((r) => r.data)])).toBe(
        'abcd',
      );
      expect(await store.countUpdates('d')).toBe(2);
      expect((await store.loadDocument('nothing')).rows).toEqual([]);
    });

    it('S-DOC-4: rows load by range after a sequence number; a document is described at a glance', async () => {
      const rows = typed('abcdef').map((data, i) => ({ data, at: 1000 + i, author: i % 2 ? 'cal' : 'ivy' }));
      await store.appendUpdates(new Map([['r', rows]]));
      const all = await store.loadUpdates('r');
      const firstTwo = await store.loadUpdates('r', 0, 2);
      expect(firstTwo.map((r) => r.seq)).toEqual(all.slice(0, 2).map((r) => r.seq));
      const rest = await store.loadUpdates('r', firstTwo.at(-1)?.seq ?? 0);
      expect(rest.map((r) => r.seq)).toEqual(all.slice(2).map((r) => r.seq));
      expect(await store.describeUpdates('r')).toMatchObject({ rows: 6, firstAt: 1000, lastAt: 1005 });
      expect((await store.describeUpdates('r')).authors.sort()).toEqual(['cal', 'ivy']);
      expect(await store.describeUpdates('none')).toEqual({
        rows: 0,
        firstAt: null,
        lastAt: null,
        authors: [],
      });
    });

    it('S-DOC-3: a new checkpoint drops the older ones of its document only', async () => {
      await store.writeCheckpoint('cp', { uptoSeq: 1, state: new Uint8Array([0, 0]), at: 1 });
      await store.writeCheckpoint('cp-other', { uptoSeq: 1, state: new Uint8Array([0, 0]), at: 1 });
      await store.writeCheckpoint('cp', { uptoSeq: 7, state: new Uint8Array([0, 0]), at: 2 });
      const count = async (doc: string) =>
        Number(
          (
            await (store as unknown as SqlStoreLike).db.get<{ n: number }>(
              'SELECT count(*) AS n FROM doc_checkpoints WHERE doc = ?',
              [doc],
            )
          )?.n,
        );
      expect(await count('cp')).toBe(1);
      expect(await count('cp-other')).toBe(1);
      expect((await store.loadDocument('cp')).checkpoint?.uptoSeq).toBe(7);
    });

    it("S-DOC-5: a room's history is counted in bytes, per document and per author, and no other room's", async () => {
      const { id } = await room();
      const { id: other } = await room();
      const row = (bytes: number, author: string | null) => ({ data: new Uint8Array(bytes), at: 1, author });
      await store.appendUpdates(
        new Map([
          [`${id}.code-1`, [row(100, 'ivy'), row(50, 'cal'), row(7, null)]],
          [`${id}.board-1`, [row(1000, 'cal')]],
          [`${other}.code-1`, [row(999, 'ivy')]],
        ]),
      );
      const usage = await store.historyUsage(id);
      expect(usage.total).toBe(1157);
      expect(Object.fromEntries(usage.docs)).toEqual({ [`${id}.code-1`]: 157, [`${id}.board-1`]: 1000 });
      expect(Object.fromEntries(usage.authors)).toEqual({ ivy: 100, cal: 1050 });
      expect((await store.historyUsage('no-such-room')).total).toBe(0);
    });

    it('S-DOC-6: pages of rows are bounded in rows and bytes, hold every row once, and say when more are left', async () => {
      const sizes = [300, 300, 300, 5000, 10, 10, 10];
      await store.appendUpdates(
        new Map([['pg', sizes.map((n, i) => ({ data: new Uint8Array(n).fill(i), at: i, author: null }))]]),
      );
      const pages: number[][] = [];
      let after = 0;
      for (;;) {
        const page = await store.loadUpdatePage('pg', after, 2, 700);
        pages.push(page.rows.map((r) => r.data.length));
        if (!page.more) break;
        after = page.rows.at(-1)?.seq ?? after;
      }
      // Two rows at most, 700 bytes at most past the first row; a larger row comes alone.
      expect(pages).toEqual([[300, 300], [300], [5000], [10, 10], [10]]);
      expect(await store.loadUpdatePage('pg', after + 1000, 2, 700)).toEqual({ rows: [], more: false });
    });

    it('S-FILE-1: the same bytes are stored once; two uploads racing under the cap cannot both pass it', async () => {
      const { id } = await room();
      const first = await store.saveFile(file(id, 'a'), 10);
      expect(first).toMatchObject({ id: `${id}-a` });
      expect(await store.saveFile({ ...file(id, 'b'), sha256: file(id, 'a').sha256 }, 10)).toMatchObject({
        id: `${id}-a`,
      });
      const racing = await Promise.all([
        store.saveFile({ ...file(id, 'c'), sha256: 'c', size: 4 }, 10),
        store.saveFile({ ...file(id, 'd'), sha256: 'd', size: 4 }, 10),
      ]);
      expect(racing.filter((r) => r === 'full')).toHaveLength(1);
      expect((await store.getFile(id, `${id}-a`))?.data).toEqual(new Uint8Array([1, 2, 3]));
    });

    it('S-AUDIO-1: pieces are stored in order, once, within the person-round cap and the file budget', async () => {
      const { id } = await room();
      expect(await store.startRecording(recording(id, 'a'), 2)).toMatchObject({ pieces: 0, bytes: 0 });
      expect(await store.appendRecordingPiece(piece(id, 'a', 0), { maxPersonRoundBytes: 8 })).toMatchObject({
        pieces: 1,
        bytes: 3,
        lastAt: 2000,
      });
      expect(await store.appendRecordingPiece(piece(id, 'a', 0), { maxPersonRoundBytes: 8 })).toEqual({
        refused: 'out-of-order',
        next: 1,
      });
      expect(await store.appendRecordingPiece(piece(id, 'a', 2), { maxPersonRoundBytes: 8 })).toEqual({
        refused: 'out-of-order',
        next: 1,
      });
      // Two copies of one piece racing: exactly one lands.
      const racing = await Promise.all([
        store.appendRecordingPiece(piece(id, 'a', 1), { maxPersonRoundBytes: 100 }),
        store.appendRecordingPiece(piece(id, 'a', 1), { maxPersonRoundBytes: 100 }),
      ]);
      expect(racing.filter((r) => 'refused' in r)).toEqual([{ refused: 'out-of-order', next: 2 }]);
      // The cap counts the person's every recording of the round.
      expect(await store.startRecording(recording(id, 'b'), 2)).toMatchObject({ pieces: 0 });
      expect(await store.startRecording(recording(id, 'c'), 2)).toBe('too-many');
      expect(await store.appendRecordingPiece(piece(id, 'b', 0), { maxPersonRoundBytes: 8 })).toEqual({
        refused: 'full',
      });
      const total = await store.filesTotalBytes();
      expect(total).toBeGreaterThanOrEqual(6);
      expect(
        await store.appendRecordingPiece(piece(id, 'b', 0), {
          maxPersonRoundBytes: 100,
          maxTotalBytes: total + 2,
        }),
      ).toEqual({ refused: 'store-full' });
      expect(await store.appendRecordingPiece(piece(id, 'x', 0), { maxPersonRoundBytes: 100 })).toEqual({
        refused: 'no-recording',
      });
      expect((await store.listRecordings(id, 1)).map((r) => [r.id, r.pieces, r.bytes])).toEqual([
        [`${id}-a`, 2, 6],
        [`${id}-b`, 0, 0],
      ]);
      expect(await store.loadRecordingPiece(`${id}-a`, 1)).toEqual(new Uint8Array([1, 1, 2]));
      expect(await store.getRecording('another-room', `${id}-a`)).toBeNull();
    });

    it('S-META-1: the first value set for a key holds, however many race', async () => {
      const values = await Promise.all(['v1', 'v2', 'v3'].map((v) => store.getOrCreateMeta('key', v)));
      expect(new Set(values).size).toBe(1);
      expect(await store.getMeta('key')).toBe(values[0]);
      expect(await store.getMeta('other')).toBeNull();
    });

    it('S-REVIEW-1: a review is replaced only at the revision read, listed by room, deleted with it', async () => {
      const { id } = await room('candidate');
      const review: ReviewRecord = {
        id: `${id}-rv`,
        roomId: id,
        round: 1,
        createdBy: `${id}-ivy`,
        createdAt: 1000,
        revokedAt: null,
        comments: [],
        revision: 0,
      };
      await store.createReview(review);
      await store.createReview({ ...review, id: `${id}-rv2`, createdAt: 2000 });
      const commented = {
        ...review,
        comments: [{ id: 1, atMs: 5, text: 'Nice', by: 'Fay', createdAt: 3000 }],
      };
      const racing = await Promise.all([store.updateReview(commented, 0), store.updateReview(commented, 0)]);
      expect(racing.sort()).toEqual(['conflict', 'written']);
      expect(await store.getReview(review.id)).toEqual({ ...commented, revision: 1 });
      expect((await store.listReviews(id)).map((r) => r.id)).toEqual([`${id}-rv`, `${id}-rv2`]);
      await store.deleteRoom(id);
      expect(await store.listReviews(id)).toEqual([]);
      expect(await store.getReview(review.id)).toBeNull();
    });

    it('S-SIM-1: a simulation is replaced only at the revision read, listed while active, deleted with its room', async () => {
      const { id } = await room('candidate');
      const record: SimulationRecord = {
        roomId: id,
        interviewerId: `${id}-bot`,
        trackId: 't',
        personaId: 'p',
        questionId: 'q',
        round: 1,
        minuteMs: 60_000,
        startedAt: null,
        steps: 0,
        lines: [],
        lastActivityAt: 1000,
        nudgedAt: null,
        stuckCount: 0,
        endedAt: null,
        revision: 0,
      };
      await store.createSimulation(record);
      expect(await store.listActiveSimulations()).toContain(id);
      const said = { ...record, steps: 1, lines: [{ at: 2000, kind: 'intro', text: 'Hello' }] };
      const racing = await Promise.all([store.updateSimulation(said, 0), store.updateSimulation(said, 0)]);
      expect(racing.sort()).toEqual(['conflict', 'written']);
      expect(await store.getSimulation(id)).toEqual({ ...said, revision: 1 });
      expect(await store.updateSimulation({ ...said, endedAt: 3000 }, 1)).toBe('written');
      expect(await store.listActiveSimulations()).not.toContain(id);
      await store.deleteRoom(id);
      expect(await store.getSimulation(id)).toBeNull();
    });

    const own = (owner: string, key: string, bytes = 10): OwnQuestionRecord => ({
      key: `${owner}-${key}-${n}`,
      owner,
      title: `Title ${key}`,
      roundType: 'coding',
      difficulty: 'medium',
      body: '{}',
      bytes,
      shareKey: null,
      createdAt: 1000,
      updatedAt: 1000,
    });

    it("S-MYQ-1: an author's questions are added all or none, within the count and bytes, racing tabs included", async () => {
      n++;
      const quota = { maxCount: 3, maxBytes: 100 };
      expect(await store.addOwnQuestions([own('ann', 'a'), own('ann', 'b')], quota)).toBe('saved');
      // Two more at once would pass the count: neither is added.
      expect(await store.addOwnQuestions([own('ann', 'c'), own('ann', 'd')], quota)).toBe('too-many');
      expect(await store.addOwnQuestions([own('ann', 'e', 81)], quota)).toBe('too-large');
      expect((await store.listOwnQuestions('ann')).map((q) => q.title).sort()).toEqual([
        'Title a',
        'Title b',
      ]);
      // Two tabs racing for the last place: one wins.
      const racing = await Promise.all([
        store.addOwnQuestions([own('ann', 'x')], quota),
        store.addOwnQuestions([own('ann', 'y')], quota),
      ]);
      expect(racing.sort()).toEqual(['saved', 'too-many']);
      expect(await store.listOwnQuestions('ann')).toHaveLength(3);
      // Another author's list is apart.
      expect(await store.addOwnQuestions([own('bob', 'a')], quota)).toBe('saved');
      // A replacement counts its new bytes instead of its old ones, and only for its author.
      const [first] = await store.listOwnQuestions('ann');
      if (!first) throw new Error('no question');
      expect(
        await store.replaceOwnQuestion({ ...first, title: 'New', bytes: 81, updatedAt: 2000 }, quota),
      ).toBe('too-large');
      expect(
        await store.replaceOwnQuestion({ ...first, title: 'New', bytes: 20, updatedAt: 2000 }, quota),
      ).toBe('saved');
      expect(await store.replaceOwnQuestion({ ...first, owner: 'bob', title: 'Stolen' }, quota)).toBe(
        'not-found',
      );
      expect((await store.getOwnQuestion(first.key))?.title).toBe('New');
      expect((await store.listOwnQuestions('ann'))[0]?.key).toBe(first.key);
    });

    it('S-MYQ-2: questions are shared and deleted only by their author; a share key is set once', async () => {
      n++;
      const quota = { maxCount: 10, maxBytes: 1000 };
      const q = own('ann', 'a');
      await store.addOwnQuestions([q], quota);
      expect(await store.shareOwnQuestion('bob', q.key, 'share-bob')).toBeNull();
      expect(await store.shareOwnQuestion('ann', q.key, 'share-1')).toBe('share-1');
      expect(await store.shareOwnQuestion('ann', q.key, 'share-2')).toBe('share-1');
      expect((await store.findSharedQuestion('share-1'))?.key).toBe(q.key);
      expect(await store.findSharedQuestion('share-2')).toBeNull();
      expect(await store.deleteOwnQuestion('bob', q.key)).toBe(false);
      expect(await store.deleteOwnQuestion('ann', q.key)).toBe(true);
      expect(await store.getOwnQuestion(q.key)).toBeNull();
      expect(await store.findSharedQuestion('share-1')).toBeNull();
    });
  });
}

function file(roomId: string, name: string): FileRecord {
  return {
    id: `${roomId}-${name}`,
    roomId,
    mimeType: 'image/png',
    sha256: `sha-${roomId}-${name}`,
    size: 3,
    data: new Uint8Array([1, 2, 3]),
    uploadedBy: 'x',
    createdAt: 1,
  };
}

function typed(text: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  return updates;
}

function restore(rows: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row);
  return doc.getText('t').toString();
}
