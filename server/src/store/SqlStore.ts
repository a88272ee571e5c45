import type { DocumentLog } from './DocumentLog.js';
import type { FileStore } from './FileStore.js';
import type { MetaStore } from './MetaStore.js';
import type { QuestionStore } from './QuestionStore.js';
import type { RecordingStore } from './RecordingStore.js';
import type { ReviewStore } from './ReviewStore.js';
import type { RoomStore } from './RoomStore.js';
import type { SimulationStore } from './SimulationStore.js';
import type { Store } from './Store.js';
import type { SqlDb } from './sql/SqlDb.js';
import { SqlDocumentLog } from './sql/SqlDocumentLog.js';
import { SqlFileStore } from './sql/SqlFileStore.js';
import { SqlMetaStore } from './sql/SqlMetaStore.js';
import { SqlQuestionStore } from './sql/SqlQuestionStore.js';
import { SqlRecordingStore } from './sql/SqlRecordingStore.js';
import { SqlReviewStore } from './sql/SqlReviewStore.js';
import { SqlRoomStore } from './sql/SqlRoomStore.js';
import { SqlSimulationStore } from './sql/SqlSimulationStore.js';

/**
 * The Store contract (`CONTRACT.md`) over SQL, once for both databases: SQLite (`SqliteDb`) and
 * PostgreSQL (`PgDb`), one class per part of the contract (`sql/`), all on the same database.
 * Callers that need one part take that part's interface; this class hands each call to its part.
 */
export class SqlStore implements Store {
  readonly rooms: SqlRoomStore;
  readonly documents: SqlDocumentLog;
  readonly files: SqlFileStore;
  readonly meta: SqlMetaStore;
  readonly simulations: SqlSimulationStore;
  readonly reviews: SqlReviewStore;
  readonly ownQuestions: SqlQuestionStore;
  readonly recordings: SqlRecordingStore;

  constructor(readonly db: SqlDb) {
    this.rooms = new SqlRoomStore(db);
    this.documents = new SqlDocumentLog(db);
    this.files = new SqlFileStore(db);
    this.meta = new SqlMetaStore(db);
    this.simulations = new SqlSimulationStore(db);
    this.reviews = new SqlReviewStore(db);
    this.ownQuestions = new SqlQuestionStore(db);
    this.recordings = new SqlRecordingStore(db);
  }

  // Rooms, seats, rounds, feedback and timeline.
  createRoom: RoomStore['createRoom'] = (...a) => this.rooms.createRoom(...a);
  getRoom: RoomStore['getRoom'] = (...a) => this.rooms.getRoom(...a);
  updateRoom: RoomStore['updateRoom'] = (...a) => this.rooms.updateRoom(...a);
  touchRoom: RoomStore['touchRoom'] = (...a) => this.rooms.touchRoom(...a);
  listIdleRooms: RoomStore['listIdleRooms'] = (...a) => this.rooms.listIdleRooms(...a);
  deleteRoom: RoomStore['deleteRoom'] = (...a) => this.rooms.deleteRoom(...a);
  seatNewcomer: RoomStore['seatNewcomer'] = (...a) => this.rooms.seatNewcomer(...a);
  getParticipant: RoomStore['getParticipant'] = (...a) => this.rooms.getParticipant(...a);
  findParticipantBySecret: RoomStore['findParticipantBySecret'] = (...a) =>
    this.rooms.findParticipantBySecret(...a);
  listParticipants: RoomStore['listParticipants'] = (...a) => this.rooms.listParticipants(...a);
  renameParticipant: RoomStore['renameParticipant'] = (...a) => this.rooms.renameParticipant(...a);
  getCurrentRound: RoomStore['getCurrentRound'] = (...a) => this.rooms.getCurrentRound(...a);
  getRound: RoomStore['getRound'] = (...a) => this.rooms.getRound(...a);
  listRounds: RoomStore['listRounds'] = (...a) => this.rooms.listRounds(...a);
  updateRound: RoomStore['updateRound'] = (...a) => this.rooms.updateRound(...a);
  startNextRound: RoomStore['startNextRound'] = (...a) => this.rooms.startNextRound(...a);
  saveFeedback: RoomStore['saveFeedback'] = (...a) => this.rooms.saveFeedback(...a);
  listFeedback: RoomStore['listFeedback'] = (...a) => this.rooms.listFeedback(...a);
  appendEvent: RoomStore['appendEvent'] = (...a) => this.rooms.appendEvent(...a);
  listEvents: RoomStore['listEvents'] = (...a) => this.rooms.listEvents(...a);

  // Documents.
  appendUpdates: DocumentLog['appendUpdates'] = (...a) => this.documents.appendUpdates(...a);
  loadDocument: DocumentLog['loadDocument'] = (...a) => this.documents.loadDocument(...a);
  writeCheckpoint: DocumentLog['writeCheckpoint'] = (...a) => this.documents.writeCheckpoint(...a);
  loadUpdates: DocumentLog['loadUpdates'] = (...a) => this.documents.loadUpdates(...a);
  loadUpdatePage: DocumentLog['loadUpdatePage'] = (...a) => this.documents.loadUpdatePage(...a);
  historyUsage: DocumentLog['historyUsage'] = (...a) => this.documents.historyUsage(...a);
  countUpdates: DocumentLog['countUpdates'] = (...a) => this.documents.countUpdates(...a);
  describeUpdates: DocumentLog['describeUpdates'] = (...a) => this.documents.describeUpdates(...a);

  // Files and meta.
  saveFile: FileStore['saveFile'] = (...a) => this.files.saveFile(...a);
  filesTotalBytes: FileStore['filesTotalBytes'] = (...a) => this.files.filesTotalBytes(...a);
  getFile: FileStore['getFile'] = (...a) => this.files.getFile(...a);
  getMeta: MetaStore['getMeta'] = (...a) => this.meta.getMeta(...a);
  getOrCreateMeta: MetaStore['getOrCreateMeta'] = (...a) => this.meta.getOrCreateMeta(...a);

  // Solo rooms' simulated interviewers.
  createSimulation: SimulationStore['createSimulation'] = (...a) => this.simulations.createSimulation(...a);
  getSimulation: SimulationStore['getSimulation'] = (...a) => this.simulations.getSimulation(...a);
  updateSimulation: SimulationStore['updateSimulation'] = (...a) => this.simulations.updateSimulation(...a);
  listActiveSimulations: SimulationStore['listActiveSimulations'] = (...a) =>
    this.simulations.listActiveSimulations(...a);

  // Review links of rounds.
  createReview: ReviewStore['createReview'] = (...a) => this.reviews.createReview(...a);
  getReview: ReviewStore['getReview'] = (...a) => this.reviews.getReview(...a);
  listReviews: ReviewStore['listReviews'] = (...a) => this.reviews.listReviews(...a);
  updateReview: ReviewStore['updateReview'] = (...a) => this.reviews.updateReview(...a);
  // My questions.
  addOwnQuestions: QuestionStore['addOwnQuestions'] = (...a) => this.ownQuestions.addOwnQuestions(...a);
  replaceOwnQuestion: QuestionStore['replaceOwnQuestion'] = (...a) =>
    this.ownQuestions.replaceOwnQuestion(...a);
  listOwnQuestions: QuestionStore['listOwnQuestions'] = (...a) => this.ownQuestions.listOwnQuestions(...a);
  getOwnQuestion: QuestionStore['getOwnQuestion'] = (...a) => this.ownQuestions.getOwnQuestion(...a);
  deleteOwnQuestion: QuestionStore['deleteOwnQuestion'] = (...a) => this.ownQuestions.deleteOwnQuestion(...a);
  shareOwnQuestion: QuestionStore['shareOwnQuestion'] = (...a) => this.ownQuestions.shareOwnQuestion(...a);
  findSharedQuestion: QuestionStore['findSharedQuestion'] = (...a) =>
    this.ownQuestions.findSharedQuestion(...a);

  // Voice recordings, piece by piece.
  startRecording: RecordingStore['startRecording'] = (...a) => this.recordings.startRecording(...a);
  appendRecordingPiece: RecordingStore['appendRecordingPiece'] = (...a) =>
    this.recordings.appendRecordingPiece(...a);
  getRecording: RecordingStore['getRecording'] = (...a) => this.recordings.getRecording(...a);
  listRecordings: RecordingStore['listRecordings'] = (...a) => this.recordings.listRecordings(...a);
  loadRecordingPiece: RecordingStore['loadRecordingPiece'] = (...a) =>
    this.recordings.loadRecordingPiece(...a);

  async ping(): Promise<void> {
    await this.db.get('SELECT 1 AS one');
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
