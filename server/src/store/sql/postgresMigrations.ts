/**
 * PostgreSQL schema versions, applied in order and recorded in `schema_migrations` (the same
 * shape as SQLite's after all of its migrations). Never edit a shipped one: add the next.
 */
export const POSTGRES_MIGRATIONS: string[] = [
  `
CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  round_type TEXT NOT NULL,
  language TEXT NOT NULL,
  creator_role TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_active_at BIGINT NOT NULL,
  swap_proposed_by TEXT,
  swap_proposed_at BIGINT,
  revision BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX rooms_by_activity ON rooms(last_active_at);
CREATE TABLE participants (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  secret_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  joined_at BIGINT NOT NULL,
  ordinal INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX participants_by_room ON participants(room_id, ordinal);
CREATE UNIQUE INDEX participants_by_secret ON participants(room_id, secret_hash);
CREATE TABLE rounds (
  room_id TEXT NOT NULL REFERENCES rooms(id),
  number INTEGER NOT NULL,
  round_type TEXT,
  question_id TEXT,
  revealed_at BIGINT,
  hint_times TEXT NOT NULL DEFAULT '[]',
  starter_for TEXT,
  started_at BIGINT NOT NULL,
  interviewer_id TEXT,
  candidate_id TEXT,
  ended_at BIGINT,
  timer_duration_ms BIGINT,
  timer_ends_at BIGINT,
  timer_remaining_ms BIGINT,
  PRIMARY KEY (room_id, number)
);
CREATE TABLE timeline (
  seq BIGSERIAL PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  round INTEGER NOT NULL,
  at BIGINT NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX timeline_by_room ON timeline(room_id, seq);
CREATE TABLE feedback (
  room_id TEXT NOT NULL REFERENCES rooms(id),
  round INTEGER NOT NULL,
  kind TEXT NOT NULL,
  author_id TEXT NOT NULL,
  submitted_at BIGINT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (room_id, round, kind)
);
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  mime_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  data BYTEA NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX files_by_room_hash ON files(room_id, sha256);
CREATE TABLE doc_updates (
  seq BIGSERIAL PRIMARY KEY,
  doc TEXT NOT NULL,
  data BYTEA NOT NULL,
  at BIGINT NOT NULL DEFAULT 0,
  author TEXT
);
CREATE INDEX doc_updates_by_doc ON doc_updates(doc, seq);
CREATE TABLE doc_checkpoints (
  doc TEXT NOT NULL,
  upto_seq BIGINT NOT NULL,
  state BYTEA NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (doc, upto_seq)
);
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  // Loops: a room may follow a track's loop plan, and each round may play one of its stages.
  `
ALTER TABLE rooms ADD COLUMN loop_plan TEXT;
ALTER TABLE rounds ADD COLUMN plan_stage INTEGER;
`,
  // A room's documents are found by the range of names \`<room>.\` to \`<room>/\`: byte order, not
  // the database's locale, whose collations may skip punctuation (as SQLite always compares).
  `
ALTER TABLE doc_updates ALTER COLUMN doc TYPE TEXT COLLATE "C";
ALTER TABLE doc_checkpoints ALTER COLUMN doc TYPE TEXT COLLATE "C";
`,
  // Solo rooms: the simulated interviewer's state, one row per room (P-SIM-2).
  `
CREATE TABLE simulations (
  room_id TEXT PRIMARY KEY REFERENCES rooms(id),
  data TEXT NOT NULL,
  revision INTEGER NOT NULL,
  active INTEGER NOT NULL
);
CREATE INDEX simulations_active ON simulations(active);
`,
  // A friend's review: revocable review links, their comments pinned to moments (P-REVIEW-1).
  `
CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  data TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX reviews_by_room ON reviews(room_id);
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
  bytes BIGINT NOT NULL,
  share_key TEXT UNIQUE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
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
  started_at BIGINT NOT NULL,
  last_at BIGINT NOT NULL,
  pieces INTEGER NOT NULL,
  bytes BIGINT NOT NULL
);
CREATE INDEX recordings_by_round ON recordings(room_id, round, participant_id);
CREATE TABLE recording_pieces (
  recording_id TEXT NOT NULL REFERENCES recordings(id),
  room_id TEXT NOT NULL REFERENCES rooms(id),
  seq INTEGER NOT NULL,
  size BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (recording_id, seq)
);
CREATE INDEX recording_pieces_by_room ON recording_pieces(room_id);
`,
];
