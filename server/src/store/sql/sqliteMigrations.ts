/**
 * SQLite schema versions, applied in order and recorded in PRAGMA user_version. Never edit a
 * shipped one: add the next.
 */
export const SQLITE_MIGRATIONS: string[] = [
  `
CREATE TABLE IF NOT EXISTS rooms (
  id TEXT PRIMARY KEY,
  round_type TEXT NOT NULL,
  language TEXT NOT NULL,
  creator_role TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  secret_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  color TEXT NOT NULL,
  joined_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_room ON participants(room_id, joined_at);
CREATE UNIQUE INDEX IF NOT EXISTS participants_by_secret ON participants(room_id, secret_hash);
-- One interviewer and one candidate per room, whatever the callers do.
CREATE UNIQUE INDEX IF NOT EXISTS one_seat_per_role ON participants(room_id, role)
  WHERE role IN ('interviewer', 'candidate');
CREATE TABLE IF NOT EXISTS rounds (
  room_id TEXT NOT NULL REFERENCES rooms(id),
  number INTEGER NOT NULL,
  question_id TEXT,
  revealed_at INTEGER,
  hint_times TEXT NOT NULL DEFAULT '[]',
  starter_for TEXT,
  started_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, number)
);
CREATE TABLE IF NOT EXISTS timeline (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  round INTEGER NOT NULL,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS timeline_by_room ON timeline(room_id, seq);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates(doc, seq);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  // Rounds get their players, a timer and an end; feedback per round; role-swap proposals.
  `
ALTER TABLE rounds ADD COLUMN interviewer_id TEXT;
ALTER TABLE rounds ADD COLUMN candidate_id TEXT;
ALTER TABLE rounds ADD COLUMN ended_at INTEGER;
ALTER TABLE rounds ADD COLUMN timer_duration_ms INTEGER;
ALTER TABLE rounds ADD COLUMN timer_ends_at INTEGER;
ALTER TABLE rounds ADD COLUMN timer_remaining_ms INTEGER;
ALTER TABLE rooms ADD COLUMN swap_proposed_by TEXT;
ALTER TABLE rooms ADD COLUMN swap_proposed_at INTEGER;
CREATE TABLE IF NOT EXISTS feedback (
  room_id TEXT NOT NULL REFERENCES rooms(id),
  round INTEGER NOT NULL,
  kind TEXT NOT NULL,
  author_id TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (room_id, round, kind)
);
`,
  // Images on the whiteboard: bytes here, only ids in the board document.
  `
CREATE TABLE IF NOT EXISTS files (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  mime_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_room_hash ON files(room_id, sha256);
`,
  // Rooms expire after a retention period without activity.
  `
ALTER TABLE rooms ADD COLUMN last_active_at INTEGER;
UPDATE rooms SET last_active_at = created_at;
CREATE INDEX IF NOT EXISTS rooms_by_activity ON rooms(last_active_at);
`,

  // The store as a contract: a revision per room, seats only on rounds, a round type per round,
  // time and author on every update, checkpoints instead of deleting rows.
  `
ALTER TABLE rooms ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN round_type TEXT;
UPDATE rounds SET round_type = (SELECT round_type FROM rooms WHERE rooms.id = rounds.room_id);
UPDATE rounds SET interviewer_id = (
  SELECT p.id FROM participants p WHERE p.room_id = rounds.room_id AND p.role = 'interviewer'
) WHERE interviewer_id IS NULL AND number = (SELECT max(r.number) FROM rounds r WHERE r.room_id = rounds.room_id);
UPDATE rounds SET candidate_id = (
  SELECT p.id FROM participants p WHERE p.room_id = rounds.room_id AND p.role = 'candidate'
) WHERE candidate_id IS NULL AND number = (SELECT max(r.number) FROM rounds r WHERE r.room_id = rounds.room_id);
DROP INDEX IF EXISTS one_seat_per_role;
ALTER TABLE participants DROP COLUMN role;
ALTER TABLE participants ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0;
UPDATE participants SET ordinal = (
  SELECT count(*) FROM participants q WHERE q.room_id = participants.room_id AND q.rowid < participants.rowid
);
ALTER TABLE doc_updates ADD COLUMN at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE doc_updates ADD COLUMN author TEXT;
CREATE TABLE IF NOT EXISTS doc_checkpoints (
  doc TEXT NOT NULL,
  upto_seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (doc, upto_seq)
);
`,
  // Loops: a room may follow a track's loop plan, and each round may play one of its stages.
  `
ALTER TABLE rooms ADD COLUMN loop_plan TEXT;
ALTER TABLE rounds ADD COLUMN plan_stage INTEGER;
`,
  // Solo rooms: the simulated interviewer's state, one row per room (P-SIM-2).
  `
CREATE TABLE IF NOT EXISTS simulations (
  room_id TEXT PRIMARY KEY REFERENCES rooms(id),
  data TEXT NOT NULL,
  revision INTEGER NOT NULL,
  active INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS simulations_active ON simulations(active);
`,
  // A friend's review: revocable review links, their comments pinned to moments (P-REVIEW-1).
  `
CREATE TABLE IF NOT EXISTS reviews (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  data TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_by_room ON reviews(room_id);
`,
  // My questions: questions written in the browser, kept under their author's key (the SHA-256
  // of the browser's author secret), with a share key once the author shares one.
  `
CREATE TABLE own_questions (
  key TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  title TEXT NOT NULL,
  round_type TEXT NOT NULL,
  difficulty TEXT NOT NULL,
  body TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  share_key TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX own_questions_by_owner ON own_questions(owner, updated_at);
`,
  // Think out loud, recorded: a person's voice in one round, stored piece by piece as it is
  // uploaded (P-AUDIO-1); the pieces count in FILES_TOTAL_BYTES like board images.
  `
CREATE TABLE recordings (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  round INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  pieces INTEGER NOT NULL,
  bytes INTEGER NOT NULL
);
CREATE INDEX recordings_by_round ON recordings(room_id, round, participant_id);
CREATE TABLE recording_pieces (
  recording_id TEXT NOT NULL REFERENCES recordings(id),
  room_id TEXT NOT NULL REFERENCES rooms(id),
  seq INTEGER NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (recording_id, seq)
);
CREATE INDEX recording_pieces_by_room ON recording_pieces(room_id);
`,
];
