import type { DocumentLog } from './DocumentLog.js';
import type { FileStore } from './FileStore.js';
import type { MetaStore } from './MetaStore.js';
import type { QuestionStore } from './QuestionStore.js';
import type { RecordingStore } from './RecordingStore.js';
import type { ReviewStore } from './ReviewStore.js';
import type { RoomStore } from './RoomStore.js';
import type { SimulationStore } from './SimulationStore.js';

export type { DocumentLog } from './DocumentLog.js';
export type { FileStore } from './FileStore.js';
export type { MetaStore } from './MetaStore.js';
export type * from './QuestionStore.js';
export type { RecordingStore } from './RecordingStore.js';
export type { ReviewStore } from './ReviewStore.js';
export type { RoomStore } from './RoomStore.js';
export * from './records.js';
export type { SimulationStore } from './SimulationStore.js';

/**
 * Everything the server persists, as a contract that SQLite and PostgreSQL both keep (rule ids
 * `S-*` in `CONTRACT.md`, checked by `storeContract.ts` against each), in four parts along the
 * contract's headings (and My questions): code that needs one part asks for that part alone (the document plane
 * for the `DocumentLog`). Every multi-row step is one transaction inside the store.
 */
export interface Store
  extends RoomStore,
    DocumentLog,
    FileStore,
    MetaStore,
    SimulationStore,
    ReviewStore,
    QuestionStore,
    RecordingStore {
  /** A cheap query: resolves when the store answers (readiness). */
  ping(): Promise<void>;

  close(): Promise<void>;
}
