import {
  DOC_RULES,
  type DocKind,
  docName,
  MalformedInput,
  REPLAY_PAGE_BYTES,
  REPLAY_PAGE_ROWS,
  type ReplayEvent,
  type ReplayInfo,
  type ReplayRows,
  STORED_LIMITS,
  scanUpdate,
  TimerCommand,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { hintText } from '../questions/revealedHints.js';
import type { DocumentLog } from '../store/DocumentLog.js';
import type { RoomStore } from '../store/RoomStore.js';
import type { ParticipantRecord, TimelineRecord } from '../store/records.js';
import { RoundRecords } from './RoundRecords.js';

/**
 * A round's history for its replay, filtered for the viewer (P-REPLAY-1): the code and board
 * documents for everyone in the room, the private notes for that round's interviewer alone, and
 * timeline moments from an allow-list (a question only once revealed, hints once revealed, the
 * clock, the end), never the brief.
 */
export class ReplayService {
  private readonly records: RoundRecords;

  constructor(
    private readonly store: RoomStore & DocumentLog,
    bank: QuestionBank,
  ) {
    this.records = new RoundRecords(store, bank);
  }

  async info(viewer: ParticipantRecord, number: number): Promise<ReplayInfo> {
    const round = await this.store.getRound(viewer.roomId, number);
    if (!round) throw new AppError('NOT_FOUND', 'There is no such round.');
    const [participants, events] = await Promise.all([
      this.store.listParticipants(viewer.roomId),
      this.store.listEvents(viewer.roomId),
    ]);
    // The round's own question (`my-<key>`), if it has one, so the timeline can name it.
    await this.records.warm(
      events.filter((e) => e.round === number).map((e) => String(e.data.questionId ?? '')),
    );
    const docs: ReplayInfo['docs'] = {};
    const authors = new Set<string>();
    for (const kind of this.kinds(viewer, round.interviewerId)) {
      const span = await this.store.describeUpdates(docName(viewer.roomId, kind, number));
      for (const author of span.authors) authors.add(author);
      docs[kind] = { rows: span.rows, firstAt: span.firstAt, lastAt: span.lastAt };
    }
    const seat = (id: string) =>
      id === round.interviewerId ? 'interviewer' : id === round.candidateId ? 'candidate' : 'observer';
    return {
      round: number,
      startedAt: round.startedAt,
      endedAt: round.endedAt,
      people: participants
        .filter((p) => p.id === round.interviewerId || p.id === round.candidateId || authors.has(p.id))
        .map((p) => ({ id: p.id, name: p.name, color: p.color, role: seat(p.id) })),
      docs,
      events: events.filter((e) => e.round === number).flatMap((e) => this.publicEvent(e)),
    };
  }

  /** One range of a document's rows, oldest first, after `after` (a sequence number). */
  async rows(viewer: ParticipantRecord, number: number, kind: DocKind, after: number): Promise<ReplayRows> {
    const round = await this.store.getRound(viewer.roomId, number);
    if (!round) throw new AppError('NOT_FOUND', 'There is no such round.');
    if (!this.kinds(viewer, round.interviewerId).includes(kind)) {
      throw new AppError('FORBIDDEN', 'That document is not yours to replay.');
    }
    // Bounded in rows and in bytes (P-REPLAY-2), and read no further than that.
    const page = await this.store.loadUpdatePage(
      docName(viewer.roomId, kind, number),
      after,
      REPLAY_PAGE_ROWS,
      REPLAY_PAGE_BYTES,
    );
    const rows = page.rows;
    const authors: string[] = [];
    const authorIndex = (id: string | null) => {
      if (id === null) return -1;
      const known = authors.indexOf(id);
      return known >= 0 ? known : authors.push(id) - 1;
    };
    return {
      authors,
      // The rows the live loader would refuse are never served either (P-REPLAY-3).
      rows: rows
        .filter((r) => passesScan(r.data, kind))
        .map((r) => [r.seq, r.at, authorIndex(r.author), Buffer.from(r.data).toString('base64')]),
      next: page.more ? (rows.at(-1)?.seq ?? null) : null,
    };
  }

  /** Code and board for everyone; the private notes only for the round's interviewer (P-PRIV-2). */
  private kinds(viewer: ParticipantRecord, interviewerId: string | null): DocKind[] {
    return viewer.id === interviewerId ? ['code', 'board', 'notes'] : ['code', 'board'];
  }

  /** The allow-list: what a timeline event may say to anyone in the room. */
  private publicEvent(e: TimelineRecord): ReplayEvent[] {
    switch (e.type) {
      case 'question-revealed': {
        const question = this.records.question(String(e.data.questionId));
        return question ? [{ type: 'question-revealed', at: e.at, title: question.title }] : [];
      }
      case 'hint-revealed': {
        const question = this.records.question(String(e.data.questionId));
        const index = Number(e.data.index);
        const known = question !== undefined && Number.isInteger(index) && index >= 0;
        return known && index < question.interviewer.hints.length
          ? [{ type: 'hint-revealed', at: e.at, index, text: hintText(question, index) }]
          : [];
      }
      case 'timer': {
        const command = TimerCommand.safeParse(e.data);
        return command.success ? [{ type: 'timer', at: e.at, action: command.data.action }] : [];
      }
      case 'round-ended':
        return [{ type: 'round-ended', at: e.at }];
      default:
        return [];
    }
  }
}

/** Whether a stored row passes the checks a document's load applies to it (P-DOC-10). */
function passesScan(row: Uint8Array, kind: DocKind): boolean {
  try {
    scanUpdate(row, DOC_RULES[kind], STORED_LIMITS);
    return true;
  } catch (err) {
    if (err instanceof MalformedInput) return false;
    throw err;
  }
}
