import type { Language, Role, SeatRole } from '@mockloop/shared';
import type {
  FileInfo,
  LoopPlanRecord,
  ParticipantRecord,
  RoomRecord,
  RoundPatch,
  RoundRecord,
  StoredUpdate,
} from '../records.js';
import type { SqlDb, SqlValue } from './SqlDb.js';

export interface RoomRow {
  id: string;
  round_type: string;
  language: string;
  creator_role: string;
  created_at: number;
  last_active_at: number | null;
  swap_proposed_by: string | null;
  swap_proposed_at: number | null;
  revision: number;
  /** The room's loop plan as JSON, or null. */
  loop_plan: string | null;
}

export interface ParticipantRow {
  id: string;
  room_id: string;
  secret_hash: string;
  name: string;
  color: string;
  joined_at: number;
  /** From the current round's seats (see PARTICIPANT_SELECT). */
  seat: string | null;
}

export interface RoundRow {
  room_id: string;
  number: number;
  round_type: string | null;
  question_id: string | null;
  revealed_at: number | null;
  hint_times: string;
  starter_for: string | null;
  started_at: number;
  interviewer_id: string | null;
  candidate_id: string | null;
  ended_at: number | null;
  timer_duration_ms: number | null;
  timer_ends_at: number | null;
  timer_remaining_ms: number | null;
  plan_stage: number | null;
}

export interface FileRow {
  id: string;
  room_id: string;
  mime_type: string;
  sha256: string;
  size: number;
  uploaded_by: string;
  created_at: number;
}

export interface UpdateRowDb {
  seq: number;
  data: Uint8Array;
  at: number;
  author: string | null;
}

/** A participant with the role their current-round seat gives them (seats live on rounds only). */
export const PARTICIPANT_SELECT = `
SELECT p.id, p.room_id, p.secret_hash, p.name, p.color, p.joined_at,
  CASE WHEN p.id = r.interviewer_id THEN 'interviewer' WHEN p.id = r.candidate_id THEN 'candidate' END AS seat
FROM participants p
LEFT JOIN rounds r ON r.room_id = p.room_id
  AND r.number = (SELECT max(number) FROM rounds x WHERE x.room_id = p.room_id)`;

/** Rows per INSERT statement when appending updates: one statement for most event-loop turns. */
export const INSERT_CHUNK = 100;

export function toRoom(row: RoomRow): RoomRecord {
  return {
    id: row.id,
    roundType: row.round_type as RoomRecord['roundType'],
    language: row.language as Language,
    creatorRole: row.creator_role as SeatRole,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at ?? row.created_at,
    swapProposal:
      row.swap_proposed_by && row.swap_proposed_at !== null
        ? { by: row.swap_proposed_by, at: row.swap_proposed_at }
        : null,
    revision: row.revision,
    loop: row.loop_plan ? (JSON.parse(row.loop_plan) as LoopPlanRecord) : null,
  };
}

export function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    roomId: row.room_id,
    secretHash: row.secret_hash,
    name: row.name,
    role: (row.seat ?? 'observer') as Role,
    color: row.color,
    joinedAt: row.joined_at,
  };
}

export function toRound(row: RoundRow, fallbackType: string): RoundRecord {
  return {
    roomId: row.room_id,
    number: row.number,
    roundType: (row.round_type ?? fallbackType) as RoundRecord['roundType'],
    questionId: row.question_id,
    revealedAt: row.revealed_at,
    hintTimes: JSON.parse(row.hint_times) as number[],
    starterFor: row.starter_for,
    startedAt: row.started_at,
    interviewerId: row.interviewer_id,
    candidateId: row.candidate_id,
    endedAt: row.ended_at,
    planStage: row.plan_stage ?? null,
    timer: {
      durationMs: row.timer_duration_ms ?? 0,
      endsAt: row.timer_ends_at,
      remainingMs: row.timer_remaining_ms ?? row.timer_duration_ms ?? 0,
    },
  };
}

export function toFileInfo(row: FileRow): FileInfo {
  return {
    id: row.id,
    roomId: row.room_id,
    mimeType: row.mime_type,
    sha256: row.sha256,
    size: Number(row.size),
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

/** Column for each patchable round field; `timer` spans three columns. */
export function roundColumns(patch: RoundPatch): Array<[string, SqlValue]> {
  const columns: Array<[string, SqlValue]> = [];
  if ('questionId' in patch) columns.push(['question_id', patch.questionId ?? null]);
  if ('revealedAt' in patch) columns.push(['revealed_at', patch.revealedAt ?? null]);
  if ('hintTimes' in patch) columns.push(['hint_times', JSON.stringify(patch.hintTimes ?? [])]);
  if ('starterFor' in patch) columns.push(['starter_for', patch.starterFor ?? null]);
  if ('interviewerId' in patch) columns.push(['interviewer_id', patch.interviewerId ?? null]);
  if ('candidateId' in patch) columns.push(['candidate_id', patch.candidateId ?? null]);
  if ('endedAt' in patch) columns.push(['ended_at', patch.endedAt ?? null]);
  if (patch.timer) {
    columns.push(['timer_duration_ms', patch.timer.durationMs]);
    columns.push(['timer_ends_at', patch.timer.endsAt]);
    columns.push(['timer_remaining_ms', patch.timer.remainingMs]);
  }
  return columns;
}

export function toStoredUpdate(row: UpdateRowDb): StoredUpdate {
  // A Buffer is a Uint8Array already: no copy.
  return { seq: Number(row.seq), data: row.data, at: row.at, author: row.author };
}

/** `FOR UPDATE` on PostgreSQL, where a step must lock the room's row; SQLite serialises writes. */
export function forUpdate(db: SqlDb): string {
  return db.dialect === 'postgres' ? ' FOR UPDATE' : '';
}
