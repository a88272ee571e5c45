import {
  CODE_DOC,
  docName,
  type Language,
  type RoomReport,
  type RoundReport,
  type Scorecard,
  type SelfAssessment,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import type { DocEditor } from '../documents/DocEditor.js';
import { loopView } from '../loop/loopPlans.js';
import { criteriaOf } from '../questions/criteria.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { revealedHints } from '../questions/revealedHints.js';
import type { RoomStore } from '../store/RoomStore.js';
import type { FeedbackRecord, ParticipantRecord, RoundRecord } from '../store/records.js';
import { RoundRecords } from './RoundRecords.js';
import { roundOutput } from './roundOutput.js';

/**
 * The room's report, per viewer (P-PRIV-5, P-REPORT-1): each round's question as revealed, who
 * played it, hints, final code and runs, and the feedback the viewer may read; built a round at a
 * time from the documents' stored copies, never a live one.
 */
export class ReportService {
  private readonly records: RoundRecords;

  constructor(
    private readonly store: RoomStore,
    private readonly bank: QuestionBank,
    private readonly docs: DocEditor,
    private readonly now: () => number = Date.now,
  ) {
    this.records = new RoundRecords(store, bank, now);
  }

  /**
   * The room's report for one viewer. A round's scorecard is withheld from everyone but that
   * round's interviewer until its candidate has submitted a self-assessment (P-PRIV-5).
   */
  async report(viewer: ParticipantRecord): Promise<RoomReport> {
    const room = await this.store.getRoom(viewer.roomId);
    if (!room) throw new AppError('NOT_FOUND', 'This room does not exist.');
    const [rounds, participants, feedback] = await Promise.all([
      this.store.listRounds(room.id),
      this.store.listParticipants(room.id),
      this.store.listFeedback(room.id),
    ]);
    const person = (id: string | null) => {
      const p = participants.find((x) => x.id === id);
      return p ? { id: p.id, name: p.name } : null;
    };
    const reports: RoundReport[] = [];
    await this.records.warm(rounds.map((r) => r.questionId));
    for (const round of rounds) {
      const question = this.records.question(round.questionId);
      const revealed = round.revealedAt !== null ? question : undefined;
      const scorecard = feedback.find((f) => f.round === round.number && f.kind === 'scorecard');
      const self = feedback.find((f) => f.round === round.number && f.kind === 'self-assessment');
      const mayReadScorecard = viewer.id === round.interviewerId || self !== undefined;
      reports.push({
        number: round.number,
        roundType: round.roundType,
        stageLabel: round.planStage !== null ? (room.loop?.stages[round.planStage]?.label ?? null) : null,
        question: revealed
          ? {
              id: revealed.id,
              title: revealed.title,
              roundLabel: revealed.roundLabel,
              prompt: revealed.prompt,
            }
          : null,
        interviewer: person(round.interviewerId),
        candidate: person(round.candidateId),
        startedAt: round.startedAt,
        revealedAt: round.revealedAt,
        endedAt: round.endedAt,
        timeUsedMs: Math.max(0, (round.endedAt ?? this.now()) - (round.revealedAt ?? round.startedAt)),
        hints: revealed ? revealedHints(revealed, round.hintTimes) : [],
        ...(await this.codeAndRunsOf(round, room.language)),
        criteria: round.endedAt !== null || viewer.id === round.interviewerId ? criteriaOf(revealed) : [],
        scorecard: scorecard && mayReadScorecard ? (asFeedback(scorecard) as Scorecard) : null,
        scorecardWithheld: scorecard !== undefined && !mayReadScorecard,
        selfAssessment: self ? (asFeedback(self) as SelfAssessment) : null,
      });
    }
    return {
      roomId: room.id,
      roundType: room.roundType,
      loop: room.loop ? loopView(this.bank, room.loop, rounds) : null,
      viewerId: viewer.id,
      rounds: reports,
    };
  }

  /** One round's whole final code, for whoever may read the room's report (P-REPORT-1). */
  async finalCode(viewer: ParticipantRecord, number: number): Promise<string> {
    const round = await this.store.getRound(viewer.roomId, number);
    if (!round) throw new AppError('NOT_FOUND', 'There is no such round.');
    return this.docs.read(docName(round.roomId, 'code', round.number), (doc) =>
      doc.getText(CODE_DOC.text).toString(),
    );
  }

  private codeAndRunsOf(
    round: RoundRecord,
    language: Language,
  ): Promise<Pick<RoundReport, 'code' | 'sharedNotes' | 'runs'>> {
    // Read, never a second live copy: the store's copy on a node that does not serve the room.
    // Only a bounded part of each round's texts is kept while the report is built (P-REPORT-1).
    return this.docs.read(docName(round.roomId, 'code', round.number), (doc) => roundOutput(doc, language));
  }
}

function asFeedback(record: FeedbackRecord): Record<string, unknown> {
  return { ...record.data, submittedAt: record.submittedAt };
}
